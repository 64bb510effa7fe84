/**
 * Tesseract first (accents and ñ, 3× faster on screens); PaddleOCR only when Tesseract saw
 * text but read it poorly, which happens on photographed, tilted or curved text. Photos with
 * no text at all skip the fallback: it would cost ~2 s to find nothing (see docs/ocr.md).
 */
import { cleanOcrLines, type OcrLine } from "../../core/photo/ocr-lines";
import type { OcrEngine } from "./tesseract-ocr";

export interface OcrOutcome {
  lines: OcrLine[];
  engine: string;
}

/** Below this mean confidence (weighted by characters) a reading is worth a second opinion. */
export const CONFIDENT_READING = 0.75;

function letterCount(lines: readonly OcrLine[]): number {
  return lines.reduce((sum, line) => sum + (line.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
}

function meanConfidence(lines: readonly OcrLine[]): number {
  const chars = lines.reduce((sum, line) => sum + line.text.length, 0);
  return lines.reduce((sum, line) => sum + line.confidence * line.text.length, 0) / Math.max(chars, 1);
}

/** Enough letters at a good confidence: the primary engine's reading is worth keeping. */
export function isConfidentReading(lines: readonly OcrLine[]): boolean {
  return letterCount(lines) >= 12 && meanConfidence(lines) >= CONFIDENT_READING;
}

export class OcrStrategy {
  constructor(
    private readonly primary: OcrEngine,
    /** PaddleOCR where onnxruntime-node is available; none in the portable host (docs/portable-engines.md). */
    private readonly fallback: OcrEngine | undefined,
  ) {}

  async read(image: Buffer, signal?: AbortSignal): Promise<OcrOutcome> {
    const raw = await this.primary.recognize(image, signal);
    const first = cleanOcrLines(raw);
    const sawText = letterCount(raw) >= 4;
    if (!sawText || isConfidentReading(first) || !this.fallback || signal?.aborted) return { lines: first, engine: this.primary.name };
    // The fallback is a second opinion: if it cannot start, the primary reading still stands.
    const second = cleanOcrLines(await this.fallback.recognize(image, signal).catch(() => []));
    const weight = (lines: OcrLine[]) => letterCount(lines) * meanConfidence(lines);
    return weight(second) > weight(first) ? { lines: second, engine: this.fallback.name } : { lines: first, engine: this.primary.name };
  }

  async dispose(): Promise<void> {
    await Promise.all([this.primary.dispose(), this.fallback?.dispose()]);
  }
}
