/** Local date-time text, the form entries and media capture times are written in. */

const pad = (n: number) => String(n).padStart(2, "0");

/** A time worth believing: containers and cameras often carry 1904/1970 epochs for "unknown". */
export const plausible = (date: Date) => Number.isFinite(date.getTime()) && date.getFullYear() >= 1990 && date.getFullYear() <= 2100;

/** "2025-07-30T15:30" in local time: an entry's date. */
export function toLocalIso(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "2025-07-30T08:45:10" in local time, or undefined for an invalid or implausible date: a capture time from media. */
export function capturedAtIso(date: Date): string | undefined {
  return plausible(date) ? `${toLocalIso(date)}:${pad(date.getSeconds())}` : undefined;
}
