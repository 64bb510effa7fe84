/**
 * Layout of recognised text, from the boxes any OCR engine returns: boxes on one row become
 * one line (a table row, or a dashboard label and its value that the engine read as separate
 * blocks), and a table's header names each value of the rows under it. Pure.
 */
import type { OcrLine } from "./ocr-lines";

const centre = (line: OcrLine) => (line.box.y0 + line.box.y1) / 2;
const height = (line: OcrLine) => Math.max(line.box.y1 - line.box.y0, 1);

/**
 * One line per visual row, top to bottom, cells left to right. Two boxes share a row when
 * their vertical centres are within half the taller one's height.
 */
export function groupRows(lines: readonly OcrLine[]): OcrLine[] {
  const rows: OcrLine[][] = [];
  for (const line of [...lines].sort((a, b) => centre(a) - centre(b))) {
    const row = rows.find((candidate) => candidate.some((cell) => Math.abs(centre(cell) - centre(line)) < Math.max(height(cell), height(line)) / 2));
    if (row) row.push(line);
    else rows.push([line]);
  }
  return rows
    .map((row) => row.sort((a, b) => a.box.x0 - b.box.x0))
    .sort((a, b) => Math.min(...a.map((c) => c.box.y0)) - Math.min(...b.map((c) => c.box.y0)))
    .map((row) =>
      row.length === 1
        ? row[0]
        : {
            text: row.map((cell) => cell.text.trim()).join(" "),
            confidence: row.reduce((sum, cell) => sum + cell.confidence * cell.text.length, 0) / Math.max(row.reduce((n, c) => n + c.text.length, 0), 1),
            box: {
              x0: Math.min(...row.map((c) => c.box.x0)),
              y0: Math.min(...row.map((c) => c.box.y0)),
              x1: Math.max(...row.map((c) => c.box.x1)),
              y1: Math.max(...row.map((c) => c.box.y1)),
            },
          },
    );
}

const cellsOf = (line: string) => line.trim().split(/\s+/);
const isHeader = (cells: string[]) => cells.length >= 2 && cells.every((cell) => /^\p{L}[\p{L}_%-]*$/u.test(cell));
const hasNumber = (cells: string[]) => cells.some((cell) => /\d/.test(cell));

export interface Table {
  header: string[];
  rows: string[][];
}

/** Tables in the text: a header of single words and the rows under it with as many cells, holding numbers. */
export function findTables(lines: readonly string[]): Table[] {
  const tables: Table[] = [];
  let current: Table | undefined;
  for (const line of lines) {
    const cells = cellsOf(line);
    if (current && cells.length === current.header.length && hasNumber(cells)) {
      current.rows.push(cells);
      continue;
    }
    if (current?.rows.length) tables.push(current);
    current = isHeader(cells) ? { header: cells, rows: [] } : undefined;
  }
  if (current?.rows.length) tables.push(current);
  return tables;
}

const TEST_TABLE = { total: /^(tests?|total|pruebas)$/i, passing: /^(passing|passed|pasando|ok)$/i, failing: /^(failing|failed|fallando|fallidos?)$/i };

/**
 * The lines with every table row labelled by its header ("Epoch 100/100 loss 0.043 accuracy
 * 89.4%"), so a value is read with its meaning; a test report also gets its totals.
 */
export function labelTableRows(lines: readonly string[]): string[] {
  const out: string[] = [];
  let header: string[] | undefined;
  let totals: { total: number; passing: number; failing: number } | undefined;
  const columns = { total: -1, passing: -1, failing: -1 };
  const flushTotals = () => {
    if (totals && totals.total > 0) out.push(`${totals.passing}/${totals.total} tests passing`);
    totals = undefined;
  };
  for (const line of lines) {
    const cells = cellsOf(line);
    if (header && cells.length === header.length && hasNumber(cells)) {
      // Commas keep each value with its own label when the metric rules read the line.
      out.push(cells.map((cell, i) => `${header![i]} ${cell}`).join(", "));
      if (totals) {
        totals.total += Number(cells[columns.total]) || 0;
        totals.passing += Number(cells[columns.passing]) || 0;
        if (columns.failing >= 0) totals.failing += Number(cells[columns.failing]) || 0;
      }
      continue;
    }
    flushTotals();
    header = isHeader(cells) ? cells : undefined;
    if (header) {
      for (const key of ["total", "passing", "failing"] as const) columns[key] = header.findIndex((cell) => TEST_TABLE[key].test(cell));
      if (columns.total >= 0 && columns.passing >= 0) totals = { total: 0, passing: 0, failing: 0 };
    }
    out.push(line);
  }
  flushTotals();
  return out;
}
