/**
 * Turning per-chunk Whisper output into one recording transcript. Pure logic (the prompt is
 * built in core/vocabulary).
 */
import type { WhisperSegment } from "./whisper-segment";

/**
 * Moves chunk-relative segment times onto the recording's time line. Whisper sometimes puts
 * the end of the last segment past the audio it was given; times are clamped to the chunk.
 */
export function toRecordingTime(segments: readonly WhisperSegment[], chunkStartSec: number, chunkDurationSec: number): WhisperSegment[] {
  return segments.map((segment) => {
    const start = Math.min(Math.max(segment.start, 0), chunkDurationSec);
    const end = Math.min(Math.max(segment.end, start), chunkDurationSec);
    return { ...segment, start: round(chunkStartSec + start), end: round(chunkStartSec + end), text: segment.text.trim() };
  });
}

/** One paragraph of text from the kept segments, spaced the way a person would write it. */
export function joinTranscript(segments: readonly { text: string }[]): string {
  return segments
    .map((segment) => segment.text.trim())
    .filter(Boolean)
    .join(" ")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** The language used for most of the speech, by transcribed characters per language. */
export function dominantLanguage(chunks: readonly { language?: string; textLength: number }[]): string | undefined {
  const totals = new Map<string, number>();
  for (const chunk of chunks) {
    if (!chunk.language) continue;
    totals.set(chunk.language, (totals.get(chunk.language) ?? 0) + Math.max(chunk.textLength, 1));
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
