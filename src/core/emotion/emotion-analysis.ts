/**
 * Emotion of a whole recording and of each transcript segment, from decoded PCM and the
 * transcript. The prosody of every frame is measured once; segments only aggregate. Pure.
 */
import { sustainedEmotion } from "./sustained-emotion";
import type { LogLanguage } from "../processing/engine-options";
import type { EmotionFindings, TimedSegment } from "../processing/processor-port";
import { arousalProbability, type ArousalModel } from "./arousal";
import { SHIPPED_AROUSAL_MODEL } from "./arousal-weights";
import { fuseEmotion, type FusedEmotion, type VoiceEvidence } from "./fusion";
import { analyseFrames, summariseProsody, type FrameTracks } from "./prosody";
import { analyseText } from "./text-emotion";

/** Photo descriptions are written by a model about a scene, not by the user about a mood: ask for more words. */
const DESCRIPTION_MIN_EVIDENCE = 1.5;

export interface RecordingEmotion {
  entry: FusedEmotion;
  segments: TimedSegment[];
}

export const AROUSAL_FIELD_VALUES: Record<LogLanguage, Record<"high" | "low", string>> = {
  es: { high: "alta", low: "baja" },
  en: { high: "high", low: "low" },
};

function voiceIn(tracks: FrameTracks, model: ArousalModel, startSec?: number, endSec?: number): VoiceEvidence | undefined {
  const features = summariseProsody(tracks, startSec, endSec);
  if (features.activeSec <= 0) return undefined;
  return { probabilityHigh: arousalProbability(model, features), activeSec: features.activeSec };
}

export function toEmotionFindings(fused: FusedEmotion): EmotionFindings {
  return { label: fused.label, confidence: fused.confidence, source: fused.source };
}

/**
 * Entry-level emotion from the whole transcript and voice, plus segments with `emotion`
 * set only where a segment alone carries a clear, non-neutral emotion.
 */
export function analyseRecording(
  input: {
    /** Decoded PCM, or `tracks` already measured from a stream (FrameAnalyser). */
    samples?: Float32Array;
    sampleRate?: number;
    tracks?: FrameTracks;
    transcript?: string;
    segments?: readonly TimedSegment[];
  },
  language: LogLanguage,
  model: ArousalModel = SHIPPED_AROUSAL_MODEL,
): RecordingEmotion {
  const tracks = input.tracks ?? (input.samples && input.sampleRate ? analyseFrames(input.samples, input.sampleRate) : undefined);
  const transcript = input.transcript?.trim();
  const entry = fuseEmotion(
    { text: transcript ? analyseText(transcript) : undefined, voice: tracks && voiceIn(tracks, model) },
    language,
  );
  const segments = (input.segments ?? []).map((segment) => {
    const { emotion: _previous, ...rest } = segment;
    const voice = tracks && voiceIn(tracks, model, segment.start, segment.end);
    const fused = fuseEmotion({ text: analyseText(segment.text), voice }, language);
    return fused.key === "neutral" ? rest : { ...rest, emotion: fused.label };
  });
  // A neutral whole with one emotion running through its sentences takes that emotion.
  return { entry: sustainedEmotion(entry, segments, language), segments };
}

/** Emotion of a photo description; neutral unless the words are plainly emotional. */
export function analyseDescription(description: string, language: LogLanguage): FusedEmotion {
  const text = analyseText(description);
  if (text.evidence < DESCRIPTION_MIN_EVIDENCE) return fuseEmotion({}, language);
  return fuseEmotion({ text }, language);
}
