/**
 * Turns per-frame speech probabilities (Silero VAD) into speech segments, following the
 * hysteresis of Silero's own `get_speech_timestamps`: speech starts above `threshold`, ends
 * only after `minSilenceSec` below `threshold − 0.15`; blips shorter than `minSpeechSec` are
 * dropped; segments are padded so word edges are not clipped. Pure: no I/O.
 */
export interface SpeechSegment {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
}

export interface SpeechSegmentOptions {
  threshold?: number;
  minSpeechSec?: number;
  minSilenceSec?: number;
  padSec?: number;
}

export const DEFAULT_SPEECH_OPTIONS: Required<SpeechSegmentOptions> = {
  threshold: 0.5,
  minSpeechSec: 0.25,
  minSilenceSec: 0.3,
  padSec: 0.2,
};

export function speechSegmentsFromProbabilities(
  probabilities: ArrayLike<number>,
  frameSec: number,
  totalSec: number,
  options: SpeechSegmentOptions = {},
): SpeechSegment[] {
  const { threshold, minSpeechSec, minSilenceSec, padSec } = { ...DEFAULT_SPEECH_OPTIONS, ...options };
  const negativeThreshold = Math.max(threshold - 0.15, 0.01);
  const raw: SpeechSegment[] = [];
  let speechStart: number | undefined;
  let silenceStart: number | undefined;

  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    const t = i * frameSec;
    if (p >= threshold) {
      silenceStart = undefined;
      speechStart ??= t;
    } else if (speechStart !== undefined && p < negativeThreshold) {
      silenceStart ??= t;
      if (t + frameSec - silenceStart >= minSilenceSec) {
        raw.push({ start: speechStart, end: silenceStart });
        speechStart = undefined;
        silenceStart = undefined;
      }
    }
  }
  if (speechStart !== undefined) raw.push({ start: speechStart, end: silenceStart ?? probabilities.length * frameSec });

  const kept = raw.filter((s) => s.end - s.start >= minSpeechSec);
  return padAndMerge(kept, padSec, Math.min(totalSec, probabilities.length * frameSec + frameSec));
}

/** Pads each segment, clamps to the recording, and merges segments the padding made touch. */
function padAndMerge(segments: SpeechSegment[], padSec: number, totalSec: number): SpeechSegment[] {
  const merged: SpeechSegment[] = [];
  for (const segment of segments) {
    const start = Math.max(0, segment.start - padSec);
    const end = Math.min(totalSec, segment.end + padSec);
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  // Millisecond precision, never past the end of the recording.
  return merged.map((s) => ({ start: round3(s.start), end: Math.min(round3(s.end), totalSec) }));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Seconds of speech the segments cover. */
export function totalSpeechSec(segments: readonly SpeechSegment[]): number {
  return segments.reduce((sum, s) => sum + (s.end - s.start), 0);
}
