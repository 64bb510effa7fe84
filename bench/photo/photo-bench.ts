/**
 * A 12-megapixel photo of a terminal (4000×3000 JPEG with EXIF) gets EXIF + OCR + description
 * within 2 s on this machine. Measured in-process through the same pipeline the engine host
 * runs, with the OCR worker already started (the host keeps it warm), plus the cold first run.
 * References measured in the same run: plain sharp decode of the 12 MP JPEG, and the native
 * tesseract CLI on the same downscaled image with the same spa+eng data.
 *   flock /tmp/bitacora-bench.lock npm run bench:photo
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import sharp from "sharp";
import { DEFAULT_ENGINE_OPTIONS } from "../../src/core/processing/engine-options";
import { runPipeline } from "../../src/engines/host/pipeline";
import { OCR_MAX_SIDE, prepareOcrImage } from "../../src/engines/image/decode-image";
import { disposePhotoEngines } from "../../src/engines/image/native-photo-engines";
import { TesseractOcr, packagedLanguageFile } from "../../src/engines/image/tesseract-ocr";
import { makeTwelveMegapixelPhoto } from "./twelve-megapixel-photo";

const root = process.env.BITACORA_ROOT ?? process.cwd();
const BUDGET_MS = 2000;
const RUNS = 5;
const work = mkdtempSync(path.join(os.tmpdir(), "bitacora-photo-bench-"));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Native Tesseract on the same prepared image, with the same packaged spa+eng LSTM data. */
async function tesseractCliMs(photo: string): Promise<number | undefined> {
  const tessdata = path.join(work, "tessdata");
  spawnSync("mkdir", ["-p", tessdata]);
  for (const lang of ["spa", "eng"]) writeFileSync(path.join(tessdata, `${lang}.traineddata`), gunzipSync(readFileSync(packagedLanguageFile(lang))));
  const prepared = await prepareOcrImage(photo);
  const input = path.join(work, "prepared.png");
  writeFileSync(input, prepared.file);
  const args = [input, "stdout", "--tessdata-dir", tessdata, "-l", "spa+eng", "--dpi", "300"];
  if (spawnSync("tesseract", ["--version"]).status !== 0) return undefined;
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const result = spawnSync("tesseract", args, { env: { ...process.env, OMP_THREAD_LIMIT: "1" } });
    if (result.status !== 0) return undefined;
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Why 1600 px: OCR time and lines read at both candidate long sides, same photo, same run. */
async function ocrSideComparison(photo: string): Promise<Record<string, { ocrMedianMs: number; lines: string[] }>> {
  const ocr = new TesseractOcr();
  await ocr.warmUp();
  const out: Record<string, { ocrMedianMs: number; lines: string[] }> = {};
  for (const side of [1600, 2000]) {
    const prepared = await prepareOcrImage(photo, side);
    const times: number[] = [];
    let lines: string[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      lines = (await ocr.recognize(prepared.file)).map((line) => line.text.replace(/\s+/g, " ").trim());
      times.push(performance.now() - start);
    }
    out[String(side)] = { ocrMedianMs: Math.round(median(times)), lines };
  }
  await ocr.dispose();
  return out;
}

async function main(): Promise<void> {
  const photo = await makeTwelveMegapixelPhoto(root, work);
  const job = { path: path.basename(photo), absPath: photo, kind: "image" as const };
  const signal = new AbortController().signal;
  const process1 = () => runPipeline(job, DEFAULT_ENGINE_OPTIONS, signal, () => undefined);

  const coldMs = await timed(process1);
  const warm: number[] = [];
  let findings = await process1();
  for (let run = 0; run < RUNS; run++) warm.push(await timed(async () => (findings = await process1())));
  await disposePhotoEngines();

  const decode: number[] = [];
  for (let run = 0; run < RUNS; run++) decode.push(await timed(() => sharp(photo).rotate().raw().toBuffer()));
  const cliMs = await tesseractCliMs(photo);
  const bySide = await ocrSideComparison(photo);

  const { width, height } = await sharp(photo).metadata();
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadAverage1m: Number(os.loadavg()[0].toFixed(2)) },
    photo: { width, height, megapixels: Number((((width ?? 0) * (height ?? 0)) / 1e6).toFixed(1)), ocrMaxSide: OCR_MAX_SIDE },
    budgetMs: BUDGET_MS,
    warmMedianMs: Math.round(median(warm)),
    warmRunsMs: warm.map(Math.round),
    coldFirstRunMs: Math.round(coldMs),
    withinBudget: median(warm) <= BUDGET_MS,
    reference: {
      sharpFullDecodeMedianMs: Math.round(median(decode)),
      tesseractCliSameImageMs: cliMs === undefined ? null : Math.round(cliMs),
    },
    ocrLongSideComparison: bySide,
    findings: { capturedAt: findings.capturedAt, camera: findings.image?.camera, imageKind: findings.image?.imageKind, description: findings.image?.description },
  };
  const out = path.join(root, "bench/results/photo.json");
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

void main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
