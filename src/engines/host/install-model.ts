import type { ProgressReport } from "../../core/processing/processor-port";
import path from "node:path";
import { downloadModelFile, ModelDownloadError } from "../models/model-download";
import { VIT_GPT2_CAPTIONER } from "../image/caption-model-catalog";
import { OCR_LANGUAGES } from "../image/ocr-language-catalog";
import { defaultModelsDir, installWhisperModel } from "../models/whisper-models";
import { EngineError } from "./engine-error";

const MiB = 1024 * 1024;

/** Downloads an official Whisper model into the models folder, reporting progress in MiB. */
export async function installModel(
  name: string,
  modelsDir: string,
  signal: AbortSignal,
  onProgress: (report: ProgressReport) => void,
): Promise<string> {
  try {
    if (name === VIT_GPT2_CAPTIONER.id) return await installFileSet("the photo captioner", VIT_GPT2_CAPTIONER, modelsDir || defaultModelsDir(), signal, onProgress);
    if (name === OCR_LANGUAGES.id) return await installFileSet("the OCR language data", OCR_LANGUAGES, modelsDir || defaultModelsDir(), signal, onProgress);
    const result = await installWhisperModel(name, {
      modelsDir: modelsDir || defaultModelsDir(),
      // Tests point this at a loopback server; users always download from the official location.
      baseUrl: process.env.BITACORA_TEST_MODEL_BASE_URL,
      signal,
      onProgress: (received, total) =>
        onProgress({
          stage: `Downloading ${name}: ${Math.round(received / MiB)}${total ? ` of ${Math.round(total / MiB)}` : ""} MiB`,
          fraction: total ? received / total : undefined,
        }),
    });
    return result.path;
  } catch (error) {
    if (error instanceof ModelDownloadError) {
      throw new EngineError(error.code === "cancelled" ? "cancelled" : "download-failed", error.message);
    }
    throw error;
  }
}

interface FileSet {
  id: string;
  files: { name: string; url: string; sha256?: string; sizeBytes?: number; approxMiB: number }[];
}

/** A model made of several files (the photo captioner, the OCR languages), one after another, into <modelsDir>/<id>/; returns that folder. */
async function installFileSet(label: string, set: FileSet, modelsDir: string, signal: AbortSignal, onProgress: (report: ProgressReport) => void): Promise<string> {
  const folder = path.join(modelsDir, set.id);
  const totalMiB = set.files.reduce((sum, file) => sum + file.approxMiB, 0);
  let doneMiB = 0;
  const base = process.env.BITACORA_TEST_MODEL_BASE_URL;
  for (const file of set.files) {
    await downloadModelFile({
      url: base ? `${base.replace(/\/$/, "")}/${file.name}` : file.url,
      destPath: path.join(folder, file.name),
      sha256: file.sha256,
      sizeBytes: file.sizeBytes,
      signal,
      onProgress: (received) =>
        onProgress({
          stage: `Downloading ${label}: ${Math.round(doneMiB + received / MiB)} of ~${Math.round(totalMiB)} MiB`,
          fraction: Math.min(1, (doneMiB + received / MiB) / totalMiB),
        }),
    });
    doneMiB += file.approxMiB;
  }
  return folder;
}
