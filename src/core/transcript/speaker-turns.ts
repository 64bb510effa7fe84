/**
 * Speaker turns: a diarizing server labels segments ("SPEAKER_00", "A"); the log numbers the
 * speakers in the order they first speak and writes "Hablante 1" / "Speaker 1", or the name the
 * user gave that number in the entry's `speakers` field ("1=Ana, 2=Luis"). Pure logic.
 */
import type { TimedSegment } from "../processing/processor-port";
import type { WhisperSegment } from "./whisper-segment";

/** The recording's segments: without the raw label, with `speaker` as 1, 2, … when the server gave labels. */
export function numberSpeakers(segments: readonly WhisperSegment[]): TimedSegment[] {
  const numbers = new Map<string, number>();
  return segments.map(({ start, end, text, speaker }) => {
    if (speaker === undefined || speaker === "") return { start, end, text };
    if (!numbers.has(speaker)) numbers.set(speaker, numbers.size + 1);
    return { start, end, text, speaker: numbers.get(speaker) };
  });
}

/**
 * The names from an entry's `speakers` field. Accepts "1=Ana, 2=Luis", "Hablante 1: Ana; Speaker 2 = Luis":
 * any pair of a number and a name, separated by commas or semicolons.
 */
export function parseSpeakerNames(field: string | undefined): Map<number, string> {
  const names = new Map<number, string>();
  for (const part of (field ?? "").split(/[,;]/)) {
    const match = /^\s*(?:[^\d=:]*?\s)?(\d+)\s*[=:]\s*(.+?)\s*$/.exec(part);
    if (match) names.set(Number(match[1]), match[2]);
  }
  return names;
}

/** "Ana" when named, else "Hablante 2" / "Speaker 2". */
export function speakerName(speaker: number, names: ReadonlyMap<number, string>, word: string): string {
  return names.get(speaker) ?? `${word} ${speaker}`;
}
