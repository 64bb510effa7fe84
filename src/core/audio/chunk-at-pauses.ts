import type { SpeechSegment } from "./speech-segments";

/**
 * Packs speech segments into chunks of at most `maxSec` for Whisper (which reads 30 s windows),
 * cutting in the pauses the VAD found. Speech that runs longer than `maxSec` with no pause is cut
 * at its quietest VAD frame (a breath between words) when frame probabilities are given, and
 * only otherwise at exactly `maxSec`. Times stay in recording seconds: a Whisper segment at
 * `t` inside a chunk is at `chunk.start + t` in the recording. Pure: no I/O.
 */
export type ChunkCut = "pause" | "quiet-frame" | "hard" | "end";

export interface SpeechChunk {
  /** Recording seconds where the chunk starts: the offset to add to times inside it. */
  start: number;
  end: number;
  /** The speech inside the chunk (recording seconds). */
  segments: SpeechSegment[];
  /** How the chunk ends: in a VAD pause, at a quiet frame inside speech, by a hard cut, or at the last speech. */
  cutAfter: ChunkCut;
}

export interface ChunkOptions {
  /** Per-frame speech probabilities for the whole recording (from the VAD), to cut overlong speech well. */
  probabilities?: ArrayLike<number>;
  frameSec?: number;
  /** A silence longer than this closes a chunk even when more would fit (Whisper invents text in long silences). */
  maxInnerSilenceSec?: number;
}

export const WHISPER_WINDOW_SEC = 30;

export function chunkAtPauses(segments: readonly SpeechSegment[], maxSec = WHISPER_WINDOW_SEC, options: ChunkOptions = {}): SpeechChunk[] {
  if (!(maxSec > 0)) throw new RangeError("maxSec must be positive.");
  const maxInnerSilenceSec = options.maxInnerSilenceSec ?? 4;
  const pieces = [...segments].sort((a, b) => a.start - b.start).flatMap((s) => splitOverlong(s, maxSec, options));
  const chunks: SpeechChunk[] = [];
  let current: SpeechChunk | undefined;
  for (const piece of pieces) {
    const fits = current && piece.end - current.start <= maxSec && piece.start - current.end <= maxInnerSilenceSec && current.cutAfter === "end";
    if (current && fits) {
      current.end = piece.end;
      current.segments.push({ start: piece.start, end: piece.end });
      current.cutAfter = piece.cutAfter;
      continue;
    }
    if (current && current.cutAfter === "end") current.cutAfter = "pause";
    current = { start: piece.start, end: piece.end, segments: [{ start: piece.start, end: piece.end }], cutAfter: piece.cutAfter };
    chunks.push(current);
  }
  return chunks;
}

interface Piece extends SpeechSegment {
  /** "end" when the piece ends where the VAD segment ends (a pause follows). */
  cutAfter: ChunkCut;
}

/** Splits one VAD segment longer than maxSec; cut points go to the least speech-like frame of each window's second half. */
function splitOverlong(segment: SpeechSegment, maxSec: number, options: ChunkOptions): Piece[] {
  const pieces: Piece[] = [];
  let start = segment.start;
  while (segment.end - start > maxSec) {
    const { at, cut } = findCut(start, maxSec, options);
    pieces.push({ start, end: at, cutAfter: cut });
    start = at;
  }
  pieces.push({ start, end: segment.end, cutAfter: "end" });
  return pieces;
}

function findCut(start: number, maxSec: number, options: ChunkOptions): { at: number; cut: ChunkCut } {
  const { probabilities, frameSec } = options;
  const hard = { at: start + maxSec, cut: "hard" as const };
  if (!probabilities || !frameSec || probabilities.length === 0) return hard;
  const firstFrame = Math.ceil((start + maxSec / 2) / frameSec);
  const lastFrame = Math.min(probabilities.length - 1, Math.floor((start + maxSec) / frameSec) - 1);
  let best = -1;
  for (let i = firstFrame; i <= lastFrame; i++) if (best < 0 || probabilities[i] <= probabilities[best]) best = i;
  if (best < 0) return hard;
  // The middle of the quietest frame; below 0.5 the VAD itself calls it non-speech.
  const at = Math.min(start + maxSec, (best + 0.5) * frameSec);
  return { at, cut: probabilities[best] < 0.5 ? "quiet-frame" : "hard" };
}
