/** Recognised text lines as OCR engines report them, and the cleanup shared by all engines. */

export interface TextBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrLine {
  text: string;
  /** 0..1 */
  confidence: number;
  box: TextBox;
}

/** Lines whose text is mostly stray marks ("a $", "i", "®") are noise from photos, not text. */
export function isMeaningfulLine(line: OcrLine, minConfidence = 0.45): boolean {
  const text = line.text.trim();
  // A lone figure is a table cell or a dashboard value ("4", "0", "92.4 %"), not a stray mark.
  if (/^[<>~]?\d[\d.,/:]*\s?(%|ms|s|gb|mb)?$/i.test(text)) return line.confidence >= minConfidence;
  const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (letters < 2) return false;
  if (letters / text.replace(/\s/g, "").length < 0.5) return false;
  return line.confidence >= minConfidence;
}

/**
 * Top-to-bottom, then left-to-right for boxes on the same row (their vertical centres fall within
 * half a line height of each other). Engines that detect boxes (PaddleOCR) need this; Tesseract
 * already returns its layout order.
 */
export function sortReadingOrder(lines: readonly OcrLine[]): OcrLine[] {
  const byTop = [...lines].sort((a, b) => a.box.y0 - b.box.y0);
  const rows: OcrLine[][] = [];
  for (const line of byTop) {
    const centre = (line.box.y0 + line.box.y1) / 2;
    const row = rows.find((candidate) => {
      const first = candidate[0];
      const height = Math.max(first.box.y1 - first.box.y0, 1);
      return Math.abs((first.box.y0 + first.box.y1) / 2 - centre) < height / 2;
    });
    if (row) row.push(line);
    else rows.push([line]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.x0 - b.box.x0));
}

/** Trims, collapses inner runs of spaces, and drops noise lines. */
export function cleanOcrLines(lines: readonly OcrLine[], minConfidence?: number): OcrLine[] {
  return lines
    // "hotel -audio-api": a space OCR put inside a hyphenated name (a dash between words has spaces on both sides).
    .map((line) => ({ ...line, text: line.text.replace(/[ \t]+/g, " ").replace(/(\p{L}) -(?=\p{L})/gu, "$1-").trim() }))
    .filter((line) => isMeaningfulLine(line, minConfidence));
}
