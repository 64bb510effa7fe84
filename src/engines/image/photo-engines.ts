/**
 * The long-lived photo engines of one engine host: the OCR workers start once (about 2 s to
 * load Spanish + English) and serve every later photo; captioners are chosen per job from the
 * options. Which decoder, ONNX runtime and OCR engines they use is the wiring's choice
 * (native-photo-engines.ts for the CLI and npm install, host/portable-engines.ts for main.js).
 * Tests and the bench dispose them so no worker thread outlives its run.
 */
import path from "node:path";
import type { EngineOptions } from "../../core/processing/engine-options";
import type { OnnxBackend } from "../onnx/onnx-backend";
import { VIT_GPT2_CAPTIONER } from "./caption-model-catalog";
import type { Captioner } from "./captioner";
import type { PhotoDecoder } from "./image-rules";
import type { OcrStrategy } from "./ocr-strategy";
import { OllamaCaptioner } from "./ollama-captioner";
import { OnnxCaptioner } from "./onnx-captioner";

export interface PhotoEngineParts {
  decoder: PhotoDecoder;
  onnx: OnnxBackend;
  /** Called once, with the first photo's options (the portable host finds the downloaded languages in its models folder). */
  createOcr: (options: EngineOptions) => OcrStrategy;
  /** Resolves true while the OCR cannot run because its language data is not downloaded yet (portable host only). */
  ocrLanguagesMissing?: (options: EngineOptions) => Promise<boolean>;
}

export class PhotoEngines {
  private ocrStrategy?: OcrStrategy;
  private readonly onnxCaptioners = new Map<string, OnnxCaptioner>();

  constructor(private readonly parts: PhotoEngineParts) {}

  get decoder(): PhotoDecoder {
    return this.parts.decoder;
  }

  ocr(options: EngineOptions): OcrStrategy {
    this.ocrStrategy ??= this.parts.createOcr(options);
    return this.ocrStrategy;
  }

  async ocrLanguagesMissing(options: EngineOptions): Promise<boolean> {
    return (await this.parts.ocrLanguagesMissing?.(options)) ?? false;
  }

  /**
   * Ollama when the user configured it; otherwise the local ONNX captioner when the model
   * manager has downloaded it into modelsDir; otherwise none (the description uses OCR only).
   */
  async captionerFor(options: EngineOptions): Promise<Captioner | undefined> {
    if (options.captioner === "none") return undefined;
    if (options.ollama?.url && options.ollama.model) return new OllamaCaptioner(options.ollama.url, options.ollama.model, this.parts.decoder);
    if (!options.modelsDir || options.captioner === "ollama") return undefined;
    const folder = path.join(options.modelsDir, VIT_GPT2_CAPTIONER.id);
    let captioner = this.onnxCaptioners.get(folder);
    if (!captioner) {
      captioner = new OnnxCaptioner(VIT_GPT2_CAPTIONER, folder, this.parts.onnx, this.parts.decoder);
      if (!(await captioner.isInstalled())) return undefined;
      this.onnxCaptioners.set(folder, captioner);
    }
    return captioner;
  }

  async dispose(): Promise<void> {
    const pending: Promise<void>[] = [...this.onnxCaptioners.values()].map((captioner) => captioner.dispose());
    if (this.ocrStrategy) pending.push(this.ocrStrategy.dispose());
    this.ocrStrategy = undefined;
    this.onnxCaptioners.clear();
    await Promise.all(pending);
  }
}
