/** Character error rate and edit distance, used to compare OCR engines against expected text. */

/** Levenshtein distance over Unicode code points (so "ñ" counts as one character). */
export function editDistance(expected: string, actual: string): number {
  const a = Array.from(expected);
  const b = Array.from(actual);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Runs of spaces are layout, not content: "a   b" and "a b" read the same. */
export function normalizeForComparison(lines: readonly string[]): string {
  return lines
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

/** Edits needed to turn the recognised lines into the expected ones, per expected character. */
export function characterErrorRate(expectedLines: readonly string[], actualLines: readonly string[]): number {
  const expected = normalizeForComparison(expectedLines);
  const actual = normalizeForComparison(actualLines);
  if (expected.length === 0) return actual.length === 0 ? 0 : 1;
  return editDistance(expected, actual) / Array.from(expected).length;
}
