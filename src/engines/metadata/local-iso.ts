/** "2025-07-30T08:45:10" in local time, or undefined for an invalid or implausible date. */
export function localIsoFromDate(date: Date): string | undefined {
  const time = date.getTime();
  if (!Number.isFinite(time)) return undefined;
  const year = date.getFullYear();
  // Containers often carry 1904/1970 epochs for "unknown"; those are not capture times.
  if (year < 1990 || year > 2100) return undefined;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${year}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
