/**
 * The emotion of a whole recording follows its sentences: when the transcript as a whole reads
 * neutral (mixed or diluted words average out) but one emotion runs through its sentences —
 * at least two of them and a third of the speech — that emotion is the entry's. The strongest
 * sustained emotion wins, not a neutral average. Pure.
 */
import type { TimedSegment } from "../processing/processor-port";
import { EMOTION_LABELS, type EmotionKey, type FusedEmotion } from "./fusion";

const MIN_SEGMENTS = 2;
const MIN_SHARE = 1 / 3;

export function sustainedEmotion(entry: FusedEmotion, segments: readonly TimedSegment[], language: keyof typeof EMOTION_LABELS): FusedEmotion {
  if (entry.key !== "neutral" || segments.length === 0) return entry;
  const keyOf = new Map(Object.entries(EMOTION_LABELS[language]).map(([key, label]) => [label, key as EmotionKey]));
  const total = segments.reduce((sum, s) => sum + Math.max(s.end - s.start, 0), 0);
  const byKey = new Map<EmotionKey, { count: number; seconds: number }>();
  for (const segment of segments) {
    const key = segment.emotion ? keyOf.get(segment.emotion) : undefined;
    if (!key || key === "neutral") continue;
    const tally = byKey.get(key) ?? { count: 0, seconds: 0 };
    tally.count++;
    tally.seconds += Math.max(segment.end - segment.start, 0);
    byKey.set(key, tally);
  }
  const sustained = [...byKey.entries()]
    .filter(([, t]) => t.count >= MIN_SEGMENTS && total > 0 && t.seconds / total >= MIN_SHARE)
    .sort((a, b) => b[1].seconds - a[1].seconds || b[1].count - a[1].count)[0];
  if (!sustained) return entry;
  const [key, tally] = sustained;
  return { ...entry, key, label: EMOTION_LABELS[language][key], confidence: Math.min(0.9, total > 0 ? tally.seconds / total : 0.5), source: "text" };
}
