import type { LogDocument } from "./parse-log-note";

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The entry an attachment captured at `date` belongs to as one more block: an entry Bitácora
 * wrote on the same day whose time, or the capture time of any of its blocks, is within
 * `windowMinutes` (so a moment can grow by steps). The closest wins; -1 when none, or when 0 turns grouping off.
 */
export function findMoment(doc: LogDocument, date: string, windowMinutes: number): number {
  if (!(windowMinutes > 0) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(date)) return -1;
  const at = minutesOf(date.slice(11, 16));
  let best = -1;
  let bestDistance = Infinity;
  doc.entries.forEach((parsed, index) => {
    const blocks = parsed.blocks.filter((b) => b.generated);
    if (blocks.length === 0 || parsed.entry.date.slice(0, 10) !== date.slice(0, 10)) return;
    const times = [parsed.header.heading.time, ...blocks.map((b) => b.time).filter((t): t is string => !!t)];
    const distance = Math.min(...times.map((t) => Math.abs(minutesOf(t) - at)));
    if (distance <= windowMinutes && distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}
