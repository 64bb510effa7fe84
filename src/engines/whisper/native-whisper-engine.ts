import type { WhisperContext } from "@fugood/whisper.node";
import { throwIfCancelled, cancelledError } from "../host/engine-error";
import { ModelSlot, openNativeModel } from "./native-model";
import { percentProgress, runStoppable } from "./stoppable-call";
import { WHISPER_SAMPLE_RATE, type WhisperEngine, type WhisperResult, type WhisperTranscribeOptions } from "./whisper-port";

export interface NativeWhisperConfig {
  modelPath: string;
}

type NativeModule = typeof import("@fugood/whisper.node");

/**
 * whisper.cpp (1.9.1 in the pinned 1.1.1) through the prebuilt N-API binding @fugood/whisper.node. The model is
 * loaded once and kept for every chunk and job until dispose() or another model path.
 *
 * The fallback engine where Bitácora's own addon is not built: the prebuilt linux-x64 binary has
 * no AVX code (docs/engines.md). Cancel: the binding's stop() sets a flag that whisper.cpp only
 * reads between decoding windows, so a chunk may run to its end; the engine client kills the
 * host process when that takes more than its grace period.
 */
export class NativeWhisperEngine implements WhisperEngine {
  readonly description = "whisper.cpp via @fugood/whisper.node (N-API, prebuilt)";
  private readonly context: ModelSlot<WhisperContext>;

  constructor(config: NativeWhisperConfig) {
    this.context = new ModelSlot(() =>
      openNativeModel(
        config.modelPath,
        (): Promise<NativeModule> => import("@fugood/whisper.node"),
        // Metal/Vulkan/CUDA when the installed binary has it; the binding falls back to CPU by itself.
        (binding) => binding.initWhisper({ filePath: config.modelPath, useGpu: true }),
      ),
    );
  }

  async transcribe(pcm: Float32Array, options: WhisperTranscribeOptions): Promise<WhisperResult> {
    throwIfCancelled(options.signal);
    const context = await this.context.get();
    throwIfCancelled(options.signal);
    // The binding copies the samples out of an ArrayBuffer; hand it exactly this chunk.
    const samples = pcm.byteOffset === 0 && pcm.byteLength === pcm.buffer.byteLength ? pcm : pcm.slice();
    const job = context.transcribeData(samples.buffer as ArrayBuffer, {
      language: options.language || "auto",
      prompt: options.initialPrompt || undefined,
      maxThreads: Math.max(1, Math.floor(options.threads)),
      onProgress: percentProgress(options),
    });

    const result = await runStoppable({ promise: job.promise, stop: () => void job.stop() }, options);
    if (result.isAborted) throw cancelledError();
    options.onProgress?.(1);
    return {
      language: result.language || undefined,
      segments: result.segments.map((segment) => ({
        start: segment.t0 / 1000,
        end: Math.min(segment.t1 / 1000, samples.length / WHISPER_SAMPLE_RATE),
        text: segment.text,
      })),
    };
  }

  async dispose(): Promise<void> {
    await (await this.context.take())?.release();
  }
}
