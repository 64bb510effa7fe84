/** Accuracy and confusion matrices for the emotion evaluations. */

export interface Confusion {
  labels: string[];
  /** matrix[actual][predicted] = count */
  matrix: Record<string, Record<string, number>>;
  accuracy: number;
  total: number;
}

export function confusion(pairs: readonly { actual: string; predicted: string }[], labels: readonly string[]): Confusion {
  const matrix: Record<string, Record<string, number>> = {};
  for (const a of labels) matrix[a] = Object.fromEntries(labels.map((p) => [p, 0]));
  let correct = 0;
  for (const { actual, predicted } of pairs) {
    matrix[actual] ??= Object.fromEntries(labels.map((p) => [p, 0]));
    matrix[actual][predicted] = (matrix[actual][predicted] ?? 0) + 1;
    if (actual === predicted) correct++;
  }
  return { labels: [...labels], matrix, accuracy: pairs.length ? correct / pairs.length : 0, total: pairs.length };
}

export function formatConfusion(c: Confusion): string {
  const width = Math.max(...c.labels.map((l) => l.length), 6) + 1;
  const head = "actual\\pred".padEnd(width + 2) + c.labels.map((l) => l.slice(0, width).padStart(width)).join("");
  const rows = Object.keys(c.matrix).map(
    (a) => a.padEnd(width + 2) + c.labels.map((p) => String(c.matrix[a][p] ?? 0).padStart(width)).join(""),
  );
  return [head, ...rows, `accuracy ${(100 * c.accuracy).toFixed(1)}% of ${c.total}`].join("\n");
}
