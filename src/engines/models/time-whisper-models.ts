/**
 * "Which model for my machine?" measuring: times each Whisper model on the bundled 30-second
 * Spanish clip in the engine host (the CLI's and the plugin's), the fastest of `runs` counting
 * (the first run of a model also loads it). The advice is core/model-advice's.
 */
import path from "node:path";
import type { ModelTiming } from "../../core/model-advice/model-recommendation";
import { DEFAULT_ENGINE_OPTIONS } from "../../core/processing/engine-options";
import type { EngineClient } from "../host/engine-client";
import type { PayloadLocation } from "../host/protocol";

export const WHICH_MODEL_CLIP = { file: "which-model-30s-es.webm", seconds: 30 };

export interface TimingRequest {
  /** Paths of the model files to time. */
  models: readonly string[];
  modelsDir: string;
  threads: number;
  runs: number;
  signal: AbortSignal;
  /** The plugin's main.js, where the clip is when a native pack (no payload of its own) runs. */
  payload?: PayloadLocation;
  /** Called before each model is timed (progress). */
  onModel?: (name: string, index: number) => void;
}

export async function timeWhisperModels(engine: EngineClient, request: TimingRequest): Promise<ModelTiming[]> {
  const clip = await engine.bundledFile(WHICH_MODEL_CLIP.file, request.signal, request.payload);
  const timings: ModelTiming[] = [];
  for (const [index, model] of request.models.entries()) {
    const name = path.basename(model);
    request.onModel?.(name, index);
    const options = { ...DEFAULT_ENGINE_OPTIONS, modelsDir: request.modelsDir, whisperModelPath: model, whisperLanguage: "es", threads: request.threads };
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < Math.max(1, Math.floor(request.runs)); run++) {
      const started = performance.now();
      await engine.process({ path: WHICH_MODEL_CLIP.file, absPath: clip, kind: "audio" }, options, request.signal);
      best = Math.min(best, (performance.now() - started) / 1000);
    }
    timings.push({ model: name, audioSec: WHICH_MODEL_CLIP.seconds, processingSec: best });
  }
  return timings;
}
