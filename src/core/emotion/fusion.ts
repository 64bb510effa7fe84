/**
 * Fuses the words (which say whether things are going well or badly, and how) with the
 * voice (which says how agitated the speaker is) into one label users understand, in the
 * log's language. The voice alone never names an emotion: arousal without valence could be
 * enthusiasm or anger. Weak or mixed evidence gives `neutral`. Pure.
 */
import type { LogLanguage } from "../processing/engine-options";
import { clamp } from "./stats";
import type { TextEmotionResult } from "./text-emotion";

export type EmotionKey = "enthusiasm" | "satisfaction" | "neutral" | "concern" | "frustration" | "sadness";

export const EMOTION_LABELS: Record<LogLanguage, Record<EmotionKey, string>> = {
  es: {
    enthusiasm: "entusiasmo",
    satisfaction: "satisfacción",
    neutral: "neutral",
    concern: "preocupación",
    frustration: "frustración",
    sadness: "tristeza",
  },
  en: {
    enthusiasm: "enthusiasm",
    satisfaction: "satisfaction",
    neutral: "neutral",
    concern: "concern",
    frustration: "frustration",
    sadness: "sadness",
  },
};


/** Below this much emotional language the text says nothing (one hedge word, one "bien"). */
export const MIN_TEXT_EVIDENCE = 0.6;
/** Below this confidence a label would be a guess, so `neutral` is written instead. */
export const MIN_CONFIDENCE = 0.35;
/** Good and bad news in similar amounts ("funciona y falla") is mixed, not an emotion. */
const MIXED_VALENCE = 0.2;
/**
 * The voice counts from MIN_VOICE_SEC of active speech and fully from FULL_VOICE_SEC
 * (EmoDB clips with 1.2–1.7 s of speech are classified well in cross-validation).
 */
const MIN_VOICE_SEC = 0.3;
const FULL_VOICE_SEC = 1.5;

export interface VoiceEvidence {
  /** Arousal classifier output, 0..1. */
  probabilityHigh: number;
  /** Seconds of active speech it was measured on. */
  activeSec: number;
}

export interface FusedEmotion {
  key: EmotionKey;
  label: string;
  confidence: number;
  source: "voice" | "text" | "voice+text";
  /** Set only when the voice alone is clear about it. */
  arousal?: "high" | "low";
}

/** Signed arousal −1 (calm) .. 1 (agitated), shrunk towards 0 for short speech. */
export function voiceArousal(voice: VoiceEvidence | undefined): number {
  if (!voice) return 0;
  const reliability = clamp((voice.activeSec - MIN_VOICE_SEC) / (FULL_VOICE_SEC - MIN_VOICE_SEC), 0, 1);
  return clamp((voice.probabilityHigh - 0.5) * 2, -1, 1) * reliability;
}

function clearArousal(arousal: number): "high" | "low" | undefined {
  if (arousal >= 0.4) return "high";
  if (arousal <= -0.4) return "low";
  return undefined;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function fuseEmotion(evidence: { text?: TextEmotionResult; voice?: VoiceEvidence }, language: LogLanguage): FusedEmotion {
  const arousal = voiceArousal(evidence.voice);
  const arousalTag = clearArousal(arousal);
  const text = evidence.text;
  const neutral = (confidence: number, source: FusedEmotion["source"]): FusedEmotion => ({
    key: "neutral",
    label: EMOTION_LABELS[language].neutral,
    confidence: round(confidence),
    source,
    ...(arousalTag ? { arousal: arousalTag } : {}),
  });
  if (!text || text.evidence < MIN_TEXT_EVIDENCE) {
    // Little emotional language: neutral, surer the less there is.
    const weakness = text ? 1 - text.evidence / MIN_TEXT_EVIDENCE : 1;
    const source = text && evidence.voice ? "voice+text" : evidence.voice ? "voice" : "text";
    return neutral(0.5 + 0.4 * weakness, source);
  }
  if (Math.abs(text.valence) < MIXED_VALENCE) return neutral(0.5, evidence.voice ? "voice+text" : "text");
  // The voice moves weight between calm and agitated emotions of the same valence.
  const s = text.scores;
  const fused: Record<EmotionKey, number> = {
    enthusiasm: s.joy * (1 + 0.8 * arousal),
    satisfaction: s.satisfaction * (1 - 0.8 * arousal),
    concern: s.concern * (1 + 0.4 * arousal),
    frustration: s.frustration * (1 + 0.5 * arousal),
    sadness: s.sadness * (1 - 0.8 * arousal),
    neutral: 0,
  };
  const ranked = (Object.keys(fused) as EmotionKey[]).sort((a, b) => fused[b] - fused[a]);
  const total = ranked.reduce((sum, k) => sum + fused[k], 0);
  const share = total > 0 ? fused[ranked[0]] / total : 0;
  const confidence = clamp(share * (1 - Math.exp(-text.evidence)), 0, 0.95);
  const source = evidence.voice ? "voice+text" : "text";
  if (confidence < MIN_CONFIDENCE) return neutral(1 - confidence, source);
  return {
    key: ranked[0],
    label: EMOTION_LABELS[language][ranked[0]],
    confidence: round(confidence),
    source,
    ...(arousalTag ? { arousal: arousalTag } : {}),
  };
}

/** The text-only key, for evaluating the words without a voice. */
export function textOnlyKey(text: TextEmotionResult): EmotionKey {
  return fuseEmotion({ text }, "en").key;
}
