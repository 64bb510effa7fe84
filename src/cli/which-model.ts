/**
 * `bitacora which-model`: times each installed Whisper model (or the files given) on the bundled
 * 30-second Spanish clip in the engine host, then prints each size's real-time factor (measured
 * or estimated), the minutes an hour of audio would take and the size to use
 * (core/model-advice). The first run of a model loads it; the fastest of the runs (2) counts.
 */
import path from "node:path";
import { adviseModel, type ModelAdvice, type ModelTiming } from "../core/model-advice/model-recommendation";
import { DEFAULT_ENGINE_OPTIONS } from "../core/processing/engine-options";
import { DEFAULT_DEVICE_SETTINGS } from "../core/settings/settings";
import { EngineClient } from "../engines/host/engine-client";
import { defaultModelsDir, listInstalledModels, NO_MODEL_HELP } from "../engines/models/whisper-models";
import type { CliArgs } from "./args";

export const CLIP = { file: "which-model-30s-es.webm", seconds: 30 };
const DEFAULT_RUNS = 2;

export async function runWhichModel(args: CliArgs): Promise<number> {
  const modelsDir = process.env.BITACORA_MODELS_DIR ?? defaultModelsDir();
  const models = args.models?.length
    ? args.models.map((file) => path.resolve(file))
    : (await listInstalledModels(modelsDir)).map((model) => model.path);
  if (models.length === 0) {
    process.stderr.write(`bitacora: no Whisper model to time. ${NO_MODEL_HELP}\n`);
    return 1;
  }
  const clip = path.join(__dirname, "..", "assets", CLIP.file);
  const engine = new EngineClient({ hostScript: path.join(__dirname, "engine-host.js") });
  const timings: ModelTiming[] = [];
  try {
    for (const model of models) {
      const name = path.basename(model);
      if (!args.json) process.stdout.write(`Timing ${name} on a ${CLIP.seconds} s clip…\n`);
      const options = { ...DEFAULT_ENGINE_OPTIONS, modelsDir, whisperModelPath: model, whisperLanguage: "es", threads: args.threads ?? DEFAULT_DEVICE_SETTINGS.threads };
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < Math.floor(args.runs ?? DEFAULT_RUNS); run++) {
        const started = performance.now();
        await engine.process({ path: CLIP.file, absPath: clip, kind: "audio" }, options, new AbortController().signal);
        best = Math.min(best, (performance.now() - started) / 1000);
      }
      timings.push({ model: name, audioSec: CLIP.seconds, processingSec: best });
    }
  } finally {
    engine.dispose();
  }
  const advice = adviseModel(timings);
  process.stdout.write(args.json ? `${JSON.stringify({ clipSec: CLIP.seconds, timings, ...advice })}\n` : describeAdvice(advice));
  return 0;
}

export function describeAdvice(advice: ModelAdvice): string {
  if (advice.rows.length === 0) return "None of these files is a Whisper size Bitácora knows (tiny, base, small, medium, large-v3-turbo).\n";
  const lines = advice.rows.map((row) => {
    const how = row.measured ? `measured (${row.model})` : "estimated";
    return `  ${row.size.padEnd(15)} ${row.rtf.toFixed(2).padStart(6)}× real time  ${String(row.minutesPerHour).padStart(4)} min per hour of audio  ${how}`;
  });
  const verdict = advice.recommended
    ? `Use ${advice.recommended.size}: the largest that transcribes an hour in ${advice.recommended.minutesPerHour} min (limit: real-time factor ${advice.maxRtf}).${advice.recommended.measured ? "" : " Its time is estimated: download it and run this again to measure it."}`
    : `Even the smallest model takes longer than ${advice.maxRtf}× the audio here: use tiny, or a transcription server (docs/server.md).`;
  return `${lines.join("\n")}\n${verdict}\n`;
}
