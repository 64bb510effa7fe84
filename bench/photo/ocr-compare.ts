/**
 * Compares the OCR engines on every fixture: character error rate against the expected lines
 * and wall time per image (engine already started). Writes bench/results/ocr-compare.json.
 *   npm run bench:ocr
 */
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { characterErrorRate } from "../../src/core/photo/text-metrics";
import { cleanOcrLines } from "../../src/core/photo/ocr-lines";
import { prepareOcrImage } from "../../src/engines/image/decode-image";
import { PaddleOcr } from "../../src/engines/image/paddle-ocr";
import { TesseractOcr, type OcrEngine } from "../../src/engines/image/tesseract-ocr";
import { OcrStrategy } from "../../src/engines/image/ocr-strategy";

/** The shipped strategy (Tesseract, PaddleOCR as fallback) measured like a single engine. */
class CombinedOcr implements OcrEngine {
  readonly name = "combined";
  private readonly strategy = new OcrStrategy(new TesseractOcr(), new PaddleOcr());
  async recognize(image: Buffer) {
    return (await this.strategy.read(image)).lines;
  }
  dispose() {
    return this.strategy.dispose();
  }
}
import { loadOcrFixtures } from "./ocr-fixtures";

// Run through scripts/run-ts.mjs, which says where the repository is (BITACORA_ROOT).
const root = process.env.BITACORA_ROOT ?? process.cwd();

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

async function main(): Promise<void> {
  const fixtures = loadOcrFixtures(root);
  const engines: OcrEngine[] = [new TesseractOcr(), new PaddleOcr(), new CombinedOcr()];
  const rows: Record<string, unknown>[] = [];
  for (const engine of engines) {
    const [, startMs] = await timed(() => engine.recognize(readFileSync(fixtures[0].absPath)));
    console.log(`${engine.name}: start + first image ${startMs.toFixed(0)} ms`);
    for (const fixture of fixtures) {
      const [prepared, prepareMs] = await timed(() => prepareOcrImage(fixture.absPath));
      const [lines, ocrMs] = await timed(() => engine.recognize(prepared.file));
      const text = cleanOcrLines(lines).map((line) => line.text);
      const cer = characterErrorRate(fixture.expectedLines, text);
      rows.push({ engine: engine.name, file: fixture.file, cer: Number(cer.toFixed(4)), ocrMs: Math.round(ocrMs), prepareMs: Math.round(prepareMs), lines: text });
      console.log(`${engine.name.padEnd(9)} ${fixture.file.padEnd(26)} CER ${(cer * 100).toFixed(1).padStart(5)}%  ${ocrMs.toFixed(0).padStart(5)} ms`);
    }
    await engine.dispose();
  }
  const summary = engines.map((engine) => {
    const mine = rows.filter((row) => row.engine === engine.name);
    const mean = (key: string) => mine.reduce((sum, row) => sum + (row[key] as number), 0) / mine.length;
    return { engine: engine.name, meanCer: Number(mean("cer").toFixed(4)), meanOcrMs: Math.round(mean("ocrMs")) };
  });
  console.table(summary);
  const out = path.join(root, "bench/results/ocr-compare.json");
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, summary, rows }, null, 2)}\n`);
  console.log(`wrote ${path.relative(root, out)}`);
}

void main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
