import { access } from "node:fs/promises";
import type { WhisperContext } from "@fugood/whisper.node";
import { EngineError } from "../host/engine-error";
import { runStoppable } from "./stoppable-call";
import { WHISPER_SAMPLE_RATE, type WhisperEngine, type WhisperResult, type WhisperTranscribeOptions } from "./whisper-port";

export interface NativeWhisperConfig {
  modelPath: string;
  /** Metal/Vulkan/CUDA when the installed binary has it; falls back to CPU by itself. */
  useGpu?: boolean;
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
  private context: Promise<WhisperContext> | null = null;

  constructor(private readonly config: NativeWhisperConfig) {}

  async transcribe(pcm: Float32Array, options: WhisperTranscribeOptions): Promise<WhisperResult> {
    if (options.signal?.aborted) throw new EngineError("cancelled", "Cancelled.");
    const context = await this.loadContext();
    if (options.signal?.aborted) throw new EngineError("cancelled", "Cancelled.");
    // The binding copies the samples out of an ArrayBuffer; hand it exactly this chunk.
    const samples = pcm.byteOffset === 0 && pcm.byteLength === pcm.buffer.byteLength ? pcm : pcm.slice();
    const job = context.transcribeData(samples.buffer as ArrayBuffer, {
      language: options.language || "auto",
      prompt: options.initialPrompt || undefined,
      maxThreads: Math.max(1, Math.floor(options.threads)),
      // whisper.cpp reports 0..100 (and sometimes a little over 100 at the end).
      onProgress: (percent: number) => options.onProgress?.(Math.min(Math.max(percent / 100, 0), 1)),
    });

    const result = await runStoppable({ promise: job.promise, stop: () => void job.stop() }, options);
    if (result.isAborted) throw new EngineError("cancelled", "Cancelled.");
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
    const context = this.context;
    this.context = null;
    if (context) await (await context.catch(() => null))?.release();
  }

  private loadContext(): Promise<WhisperContext> {
    if (!this.context) {
      this.context = openContext(this.config);
      // A failed load is not cached: the user may fix the path and try again.
      this.context.catch(() => (this.context = null));
    }
    return this.context;
  }
}

async function openContext(config: NativeWhisperConfig): Promise<WhisperContext> {
  try {
    await access(config.modelPath);
  } catch {
    throw new EngineError("no-model", `The Whisper model file was not found: ${config.modelPath}.`);
  }
  let binding: NativeModule;
  try {
    binding = await import("@fugood/whisper.node");
  } catch (error) {
    throw new EngineError("internal", `The Whisper engine could not be loaded on this system: ${(error as Error).message}`);
  }
  try {
    return await binding.initWhisper({ filePath: config.modelPath, useGpu: config.useGpu ?? true });
  } catch (error) {
    throw new EngineError(
      "no-model",
      `The Whisper model at ${config.modelPath} could not be loaded (${(error as Error).message}). Download it again or choose another ggml model file.`,
    );
  }
}
