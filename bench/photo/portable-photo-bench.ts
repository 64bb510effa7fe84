/**
 * Issue 10: a 12-megapixel photo (4000×3000 JPEG with EXIF) through EXIF + OCR + description with
 * the portable engines (WebAssembly decoder, tesseract.js) and, alternating in the same process,
 * the native ones (sharp, tesseract.js + PaddleOCR). Target for the portable path: ≤ 2.5 s.
 * Also times the decoder alone (decode + orient + downscale to the OCR image) for both.
 *   flock /tmp/bitacora-bench.lock npm run bench:photo-portable
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS } from "../../src/core/processing/engine-options";
import type { MediaProcessor, ProcessorFindings } from "../../src/core/processing/processor-port";
import { nodeModuleAssets } from "../../src/engines/assets/node-module-assets";
import { processorsFor } from "../../src/engines/host/processors";
import { createPortableEngines } from "../../src/engines/host/portable-engines";
import { sharpPhotoDecoder } from "../../src/engines/image/decode-image";
import { disposePhotoEngines } from "../../src/engines/image/native-photo-engines";
import { TesseractOcr } from "../../src/engines/image/tesseract-ocr";
import sharp from "sharp";
import { makeTwelveMegapixelPhoto } from "./twelve-megapixel-photo";

const root = process.env.BITACORA_ROOT ?? process.cwd();
const BUDGET_MS = 2500;
const RUNS = 5;
const work = mkdtempSync(path.join(os.tmpdir(), "bitacora-portable-photo-"));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

async function main(): Promise<void> {
  const photo = await makeTwelveMegapixelPhoto(root, work);
  const job = { path: path.basename(photo), absPath: photo, kind: "image" as const };
  const context = { signal: new AbortController().signal, options: DEFAULT_ENGINE_OPTIONS, onProgress: () => undefined };
  const portable = createPortableEngines(nodeModuleAssets(), { ocr: (languageData) => new TesseractOcr({ languageData }) });
  const pipelines: Record<string, MediaProcessor[]> = {
    // Emotion needs no decoder for photos and is not in the portable list yet: compare like with like.
    native: processorsFor("image").filter((p) => p.name !== "emotion"),
    portable: portable.processorsFor("image"),
  };
  // Where the time goes: each processor's share of every warm run, per pipeline.
  const stageMs: Record<string, Record<string, number[]>> = { native: {}, portable: {} };
  const run = async (processors: MediaProcessor[], stages?: Record<string, number[]>) => {
    let findings: ProcessorFindings = { kind: "image" };
    for (const processor of processors) {
      const [ms, next] = await timed(() => processor.process(job, findings, context));
      findings = next;
      if (stages) (stages[processor.name] ??= []).push(ms);
    }
    return findings;
  };
  const cold: Record<string, number> = {};
  const warm: Record<string, number[]> = { native: [], portable: [] };
  const found: Record<string, ProcessorFindings> = {};
  for (const name of Object.keys(pipelines)) [cold[name]] = await timed(() => run(pipelines[name]));
  for (let i = 0; i < RUNS; i++) {
    for (const name of Object.keys(pipelines)) {
      const [ms, findings] = await timed(() => run(pipelines[name], stageMs[name]));
      warm[name].push(ms);
      found[name] = findings;
    }
  }
  const decoderMs: Record<string, number[]> = { sharp: [], webassembly: [] };
  for (let i = 0; i < RUNS; i++) {
    decoderMs.sharp.push((await timed(() => sharpPhotoDecoder.ocrImage(photo)))[0]);
    decoderMs.webassembly.push((await timed(() => portable.photo.decoder.ocrImage(photo)))[0]);
  }
  // Inside the portable photo description: the decoder's OCR image, then Tesseract on it; and
  // Tesseract on the same pixels as PNG (what the WebAssembly decoder handed it before PGM).
  const ocrImage = await portable.photo.decoder.ocrImage(photo);
  const greyPixels = ocrImage.file.subarray(ocrImage.file.length - ocrImage.width * ocrImage.height); // after the PGM header
  const asPng = await sharp(greyPixels, { raw: { width: ocrImage.width, height: ocrImage.height, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer();
  const tesseract = portable.photo.ocr(DEFAULT_ENGINE_OPTIONS);
  const insideMs: Record<string, number[]> = { ocrImage: [], tesseractPgm: [], tesseractPng: [] };
  for (let i = 0; i < RUNS; i++) {
    insideMs.ocrImage.push((await timed(() => portable.photo.decoder.ocrImage(photo)))[0]);
    insideMs.tesseractPgm.push((await timed(() => tesseract.read(ocrImage.file)))[0]);
    insideMs.tesseractPng.push((await timed(() => tesseract.read(asPng)))[0]);
  }
  await Promise.all([portable.dispose(), disposePhotoEngines()]);
  const medians = (table: Record<string, number[]>) => Object.fromEntries(Object.entries(table).map(([key, values]) => [key, Math.round(median(values))]));

  const summary = (name: string) => ({
    warmMedianMs: Math.round(median(warm[name])),
    stageMedianMs: medians(stageMs[name]),
    warmRunsMs: warm[name].map(Math.round),
    coldFirstRunMs: Math.round(cold[name]),
    findings: { capturedAt: found[name].capturedAt, camera: found[name].image?.camera, width: found[name].image?.width, imageKind: found[name].image?.imageKind, ocrLines: found[name].image?.ocrLines?.length, description: found[name].image?.description },
  });
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadAverage1m: Number(os.loadavg()[0].toFixed(2)) },
    photo: "4000×3000 JPEG, EXIF (exiftool), terminal screen on a dark desk (bench/photo/twelve-megapixel-photo.ts)",
    budgetMs: BUDGET_MS,
    how: `EXIF + OCR + description (no captioner configured), ${RUNS} warm runs each, native and portable alternating in one process`,
    portable: { ...summary("portable"), withinBudget: median(warm.portable) <= BUDGET_MS },
    native: summary("native"),
    decoderOnly: {
      what: "decode + EXIF orientation + downscale to 1600 px grey + the file for Tesseract (sharp: PNG; WebAssembly: PGM)",
      sharpMedianMs: Math.round(median(decoderMs.sharp)),
      webAssemblyMedianMs: Math.round(median(decoderMs.webassembly)),
    },
    insidePortableDescription: {
      what: "median ms: the WebAssembly decoder's OCR image (read, MozJPEG decode of all 12 MP, orientation, area downscale to 1600 px grey, PGM), then Tesseract on that PGM, and Tesseract on the same pixels as a PNG (before)",
      ...medians(insideMs),
    },
  };
  writeFileSync(path.join(root, "bench/results/photo-portable.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

void main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
