/**
 * `bitacora which-model`: times each installed Whisper model (or the files given) on the bundled
 * 30-second Spanish clip in the engine host (engines/models/time-whisper-models), then prints each
 * size's real-time factor (measured or estimated), the minutes an hour of audio would take and
 * the size to use (core/model-advice).
 */
import path from "node:path";
import { adviseModel } from "../core/model-advice/model-recommendation";
import { describeAdvice } from "../core/model-advice/describe-advice";
import { DEFAULT_DEVICE_SETTINGS } from "../core/settings/settings";
import { EngineClient } from "../engines/host/engine-client";
import { defaultModelsDir, listInstalledModels, NO_MODEL_HELP } from "../engines/models/whisper-models";
import { timeWhisperModels, WHICH_MODEL_CLIP } from "../engines/models/time-whisper-models";
import type { CliArgs } from "./args";

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
  const engine = new EngineClient({ hostScript: path.join(__dirname, "engine-host.js") });
  let timings;
  try {
    timings = await timeWhisperModels(engine, {
      models,
      modelsDir,
      threads: args.threads ?? DEFAULT_DEVICE_SETTINGS.threads,
      runs: args.runs ?? DEFAULT_RUNS,
      signal: new AbortController().signal,
      onModel: (name) => {
        if (!args.json) process.stdout.write(`Timing ${name} on a ${WHICH_MODEL_CLIP.seconds} s clip…\n`);
      },
    });
  } finally {
    engine.dispose();
  }
  const advice = adviseModel(timings);
  process.stdout.write(args.json ? `${JSON.stringify({ clipSec: WHICH_MODEL_CLIP.seconds, timings, ...advice })}\n` : describeAdvice(advice));
  return 0;
}
