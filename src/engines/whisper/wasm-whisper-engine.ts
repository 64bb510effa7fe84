import { throwIfCancelled } from "../host/engine-error";
import { ModelSlot, openNativeModel } from "./native-model";
import { finishMsTranscription, percentProgress } from "./stoppable-call";
import { sharedWhisperWasmRuntime } from "./wasm/whisper-wasm-location";
import type { WhisperWasmRuntime } from "./wasm/whisper-wasm-runtime";
import type { WhisperEngine, WhisperResult, WhisperTranscribeOptions } from "./whisper-port";

export interface WasmWhisperConfig {
  modelPath: string;
  /** The WebAssembly runtime; the process-wide one by default. */
  runtime?: () => Promise<WhisperWasmRuntime>;
}

interface LoadedModel {
  runtime: WhisperWasmRuntime;
  context: number;
}

/**
 * whisper.cpp compiled to WebAssembly (vendor/whisper-wasm, scripts/build-whisper-wasm.mjs):
 * the engine that needs no native module, so the plugin's three-file install can run it on any
 * desktop. The model is loaded once and kept for every chunk and job until dispose() or another
 * model path. Cancel and timeout set an abort flag whisper.cpp reads after each encoder pass and
 * decoder step; errors are the native engines' (no-model, internal, cancelled, timeout).
 */
export class WasmWhisperEngine implements WhisperEngine {
  private readonly model: ModelSlot<LoadedModel>;
  private version = "";
  /** The call in progress: the model is freed only after it has really ended. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(config: WasmWhisperConfig) {
    const loadRuntime = config.runtime ?? sharedWhisperWasmRuntime;
    this.model = new ModelSlot(() =>
      openNativeModel(config.modelPath, loadRuntime, async (runtime) => {
        this.version = runtime.version;
        return { runtime, context: runtime.loadModelFile(config.modelPath) };
      }),
    );
  }

  get description(): string {
    return `whisper.cpp${this.version ? ` ${this.version}` : ""} via WebAssembly (SIMD128, threads)`;
  }

  async transcribe(pcm: Float32Array, options: WhisperTranscribeOptions): Promise<WhisperResult> {
    throwIfCancelled(options.signal);
    const model = await this.model.get();
    throwIfCancelled(options.signal);
    const job = model.runtime.transcribe(
      model.context,
      pcm,
      { language: options.language || "auto", prompt: options.initialPrompt, threads: options.threads },
      percentProgress(options),
    );
    this.running = job.promise.catch(() => undefined);
    return finishMsTranscription(job, pcm.length, options);
  }

  async dispose(): Promise<void> {
    const model = await this.model.take();
    if (!model) return;
    await this.running;
    model.runtime.freeModel(model.context);
  }
}

/** The factory the plugin's portable engine host uses: nothing here imports a native module. */
export function createWasmWhisperEngine(modelPath: string): WhisperEngine {
  return new WasmWhisperEngine({ modelPath });
}
