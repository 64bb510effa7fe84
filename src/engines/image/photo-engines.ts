/**
 * The long-lived photo engines of one engine host: the OCR workers start once (about 2 s to
 * load Spanish + English) and serve every later photo; captioners are chosen per job from the
 * options. Tests and the bench dispose them so no worker thread outlives its run.
 */
import path from "node:path";
import type { EngineOptions } from "../../core/processing/engine-options";
import { VIT_GPT2_CAPTIONER } from "./caption-model-catalog";
import type { Captioner } from "./captioner";
import { OcrStrategy } from "./ocr-strategy";
import { OllamaCaptioner } from "./ollama-captioner";
import { nativeOnnx } from "../onnx/native-onnx";
import { OnnxCaptioner } from "./onnx-captioner";

let ocr: OcrStrategy | undefined;
const onnxCaptioners = new Map<string, OnnxCaptioner>();

export function sharedOcr(): OcrStrategy {
  ocr ??= new OcrStrategy();
  return ocr;
}

/**
 * Ollama when the user configured it; otherwise the local ONNX captioner when the model
 * manager has downloaded it into modelsDir; otherwise none (the description uses OCR only).
 */
export async function captionerFor(options: EngineOptions): Promise<Captioner | undefined> {
  if (options.captioner === "none") return undefined;
  if (options.ollama?.url && options.ollama.model) return new OllamaCaptioner(options.ollama.url, options.ollama.model);
  if (!options.modelsDir || options.captioner === "ollama") return undefined;
  const folder = path.join(options.modelsDir, VIT_GPT2_CAPTIONER.id);
  let captioner = onnxCaptioners.get(folder);
  if (!captioner) {
    captioner = new OnnxCaptioner(VIT_GPT2_CAPTIONER, folder, nativeOnnx);
    if (!(await captioner.isInstalled())) return undefined;
    onnxCaptioners.set(folder, captioner);
  }
  return captioner;
}

export async function disposePhotoEngines(): Promise<void> {
  const pending: Promise<void>[] = [...onnxCaptioners.values()].map((captioner) => captioner.dispose());
  if (ocr) pending.push(ocr.dispose());
  ocr = undefined;
  onnxCaptioners.clear();
  await Promise.all(pending);
}
