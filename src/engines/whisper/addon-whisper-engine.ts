import type { WhisperModel } from "@bitacora/whisper-addon";
import { throwIfCancelled } from "../host/engine-error";
import { ModelSlot, openNativeModel } from "./native-model";
import { finishMsTranscription, percentProgress } from "./stoppable-call";
import { loadWhisperAddon } from "./whisper-addon-loader";
import type { WhisperEngine, WhisperResult, WhisperTranscribeOptions } from "./whisper-port";

export interface AddonWhisperConfig {
  modelPath: string;
}

/**
 * whisper.cpp through Bitácora's own N-API addon (native/whisper-addon), compiled on the machine
 * (or, for the packaged plugin, once per CPU level) so ggml uses AVX2/FMA/AVX-512. The model is
 * loaded once and kept for every chunk and job until dispose() or another model path.
 *
 * Cancel: abort() sets a flag whisper.cpp reads after each encoder pass and decoder step, so a
 * stop lands within one encoder pass; the engine client kills the host if that takes longer
 * than its grace period. Segments carry whisper.cpp's no-speech probability for the guard.
 */
export class AddonWhisperEngine implements WhisperEngine {
  readonly description: string;
  private readonly model: ModelSlot<WhisperModel>;

  constructor(config: AddonWhisperConfig) {
    // CPU builds only: no GPU backend is compiled into the addon.
    this.model = new ModelSlot(() =>
      openNativeModel(config.modelPath, loadAddonModule, (addon) => addon.loadModel(config.modelPath)),
    );
    const addon = loadWhisperAddon();
    this.description = addon.ok
      ? `whisper.cpp ${addon.module.version()} via Bitácora's addon (${cpuFeatures(addon.module.systemInfo())})`
      : "whisper.cpp via Bitácora's addon (not built)";
  }

  async transcribe(pcm: Float32Array, options: WhisperTranscribeOptions): Promise<WhisperResult> {
    throwIfCancelled(options.signal);
    const model = await this.model.get();
    throwIfCancelled(options.signal);
    const job = model.transcribe(
      pcm,
      { language: options.language || "auto", prompt: options.initialPrompt || undefined, threads: Math.max(1, Math.floor(options.threads)) },
      percentProgress(options),
    );
    return finishMsTranscription(job, pcm.length, options);
  }

  async dispose(): Promise<void> {
    (await this.model.take())?.release();
  }
}

async function loadAddonModule() {
  const addon = loadWhisperAddon();
  if (!addon.ok) throw new Error(addon.reason);
  return addon.module;
}

/** "AVX2 = 1 | FMA = 1 | AVX512 = 0" → "AVX2 FMA". */
function cpuFeatures(systemInfo: string): string {
  const on = [...systemInfo.matchAll(/(\w+) = 1/g)].map((m) => m[1]).filter((name) => /^(AVX|FMA|F16C|NEON|SSE)/.test(name));
  return on.length > 0 ? on.join(" ") : "baseline CPU code";
}
