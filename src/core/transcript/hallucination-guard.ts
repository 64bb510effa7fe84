/**
 * Whisper invents text on silence and noise ("Thanks for watching", "Subtítulos por la
 * comunidad de Amara.org") and can loop on one phrase. This guard drops such segments using
 * three signals: Whisper's own no-speech probability (when the engine exposes it), the VAD's
 * speech regions (text over a region the VAD found silent is dropped), and repeated n-grams.
 * Pure logic: no engine, no I/O.
 */
import type { WhisperSegment } from "./whisper-segment";

export interface SpeechRegion {
  start: number;
  end: number;
}

export type DropReason = "no-speech-probability" | "outside-speech" | "repetition-loop" | "repeated-segment" | "non-speech-tag" | "empty";

export interface GuardOptions {
  /** Segments at or above this no-speech probability are dropped. */
  noSpeechThreshold?: number;
  /** Minimum share of a segment's time that must overlap VAD speech (0..1). */
  minSpeechOverlap?: number;
  /** A phrase repeated this many times in a row is a loop. */
  loopRepeats?: number;
}

export interface GuardResult {
  kept: WhisperSegment[];
  dropped: Array<{ segment: WhisperSegment; reason: DropReason }>;
}

const DEFAULTS: Required<GuardOptions> = { noSpeechThreshold: 0.6, minSpeechOverlap: 0.2, loopRepeats: 4 };

/** Bracketed sound tags Whisper emits instead of words: [Music], (aplausos), [BLANK_AUDIO], ♪. */
const NON_SPEECH_TAG = /^[\s"'.,¡!¿?-]*(?:[[(*♪].*[\])*♪]|♪+)[\s"'.,!?-]*$/u;

/** `segments` are on the recording's time line (seconds from its start). */
export function guardSegments(
  segments: readonly WhisperSegment[],
  speech: readonly SpeechRegion[] | undefined,
  options: GuardOptions = {},
): GuardResult {
  const settings = { ...DEFAULTS, ...options };
  const kept: WhisperSegment[] = [];
  const dropped: GuardResult["dropped"] = [];
  let previousText = "";
  let sameTextRun = 0;
  for (const original of segments) {
    const text = collapseLoops(original.text, settings.loopRepeats);
    const segment = text === original.text ? original : { ...original, text };
    const reason = dropReason(original, segment.text, speech, settings);
    const normalized = normalizeWords(segment.text).join(" ");
    sameTextRun = normalized && normalized === previousText ? sameTextRun + 1 : 0;
    previousText = normalized;
    if (reason) dropped.push({ segment: original, reason });
    // The same sentence three times in a row is a decoder loop across windows.
    else if (sameTextRun >= 2) dropped.push({ segment: original, reason: "repeated-segment" });
    else kept.push(segment);
  }
  return { kept, dropped };
}

function dropReason(
  original: WhisperSegment,
  text: string,
  speech: readonly SpeechRegion[] | undefined,
  settings: Required<GuardOptions>,
): DropReason | null {
  const words = normalizeWords(text);
  if (words.length === 0) return NON_SPEECH_TAG.test(original.text) ? "non-speech-tag" : "empty";
  if (NON_SPEECH_TAG.test(text)) return "non-speech-tag";
  if (original.noSpeechProb !== undefined && original.noSpeechProb >= settings.noSpeechThreshold) return "no-speech-probability";
  if (speech && speechOverlapShare(original, speech) < settings.minSpeechOverlap) return "outside-speech";
  // A loop that made up most of the segment: nothing trustworthy is left.
  const originalWords = normalizeWords(original.text).length;
  if (originalWords >= settings.loopRepeats * 2 && words.length * 2 < originalWords) return "repetition-loop";
  return null;
}

/** Share (0..1) of the segment's duration covered by speech regions. */
export function speechOverlapShare(segment: { start: number; end: number }, speech: readonly SpeechRegion[]): number {
  const duration = segment.end - segment.start;
  if (duration <= 0) {
    return speech.some((region) => segment.start >= region.start && segment.start <= region.end) ? 1 : 0;
  }
  let covered = 0;
  for (const region of speech) {
    covered += Math.max(0, Math.min(segment.end, region.end) - Math.max(segment.start, region.start));
  }
  return Math.min(1, covered / duration);
}

/**
 * Replaces a phrase of 1–8 words repeated `repeats` or more times in a row with a single
 * occurrence: "no no no no no no" → "no", "gracias. gracias. gracias. gracias." → "gracias.".
 */
export function collapseLoops(text: string, repeats = DEFAULTS.loopRepeats): string {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length < repeats) return text;
  const keys = tokens.map((token) => token.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""));
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let collapsed = false;
    for (let n = 1; n <= 8 && i + n * repeats <= tokens.length; n++) {
      let count = 1;
      while (i + (count + 1) * n <= tokens.length && sameRun(keys, i, i + count * n, n)) count++;
      if (count >= repeats && keys.slice(i, i + n).some(Boolean)) {
        out.push(...tokens.slice(i, i + n));
        i += count * n;
        collapsed = true;
        break;
      }
    }
    if (!collapsed) out.push(tokens[i++]);
  }
  return out.length === tokens.length ? text : out.join(" ");
}

function sameRun(keys: string[], a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (keys[a + k] !== keys[b + k]) return false;
  return true;
}

function normalizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
}
