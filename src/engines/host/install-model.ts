import type { ProgressReport } from "../../core/processing/processor-port";
import { ModelDownloadError } from "../models/model-download";
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
