import { Notice, type App } from "obsidian";
import path from "node:path";
import { adviseModel } from "../core/model-advice/model-recommendation";
import type { DeviceSettingsStore } from "../core/settings/device-settings";
import type { EngineClient } from "../engines/host/engine-client";
import type { PayloadLocation } from "../engines/host/protocol";
import { defaultModelsDir, listInstalledModels, NO_MODEL_HELP } from "../engines/models/whisper-models";
import { timeWhisperModels, WHICH_MODEL_CLIP } from "../engines/models/time-whisper-models";
import { WhichModelModal } from "./which-model-modal";

/** One run per model: a queue waiting behind a benchmark should not wait twice as long. */
const RUNS = 1;

/**
 * The "Which model for my machine?" command: times every Whisper model this device knows (its
 * models folder and the model path set in settings) in the engine host, with a notice that says
 * which model is being timed and cancels when clicked, then shows the advice in a modal.
 */
export class WhichModelCommand {
  private running: AbortController | null = null;

  constructor(
    private readonly app: App,
    private readonly engine: EngineClient,
    private readonly device: DeviceSettingsStore,
    /** The plugin's main.js, where the clip is carried. */
    private readonly payload: PayloadLocation | undefined,
  ) {}

  /** The model files to time: the models folder's, plus the one set by path if it is elsewhere. */
  async installedModels(): Promise<string[]> {
    const settings = this.device.settings;
    const models = (await listInstalledModels(settings.modelsDir || defaultModelsDir())).map((model) => model.path);
    if (settings.whisperModelPath && !models.some((model) => path.resolve(model) === path.resolve(settings.whisperModelPath))) models.push(settings.whisperModelPath);
    return models;
  }

  /** Stops the timing under way (the notice's click does the same). */
  cancel(): void {
    this.running?.abort();
  }

  async run(): Promise<void> {
    if (this.running) {
      new Notice("Bitácora is already timing the Whisper models.");
      return;
    }
    const models = await this.installedModels();
    if (models.length === 0) {
      new Notice(`Bitácora has no Whisper model to time. ${NO_MODEL_HELP}`);
      return;
    }
    const controller = new AbortController();
    this.running = controller;
    const notice = new Notice("Bitácora: preparing to time the Whisper models… (click to cancel)", 0);
    notice.messageEl.addEventListener("click", () => controller.abort());
    try {
      const timings = await timeWhisperModels(this.engine, {
        models,
        modelsDir: this.device.settings.modelsDir,
        threads: this.device.settings.threads,
        runs: RUNS,
        signal: controller.signal,
        payload: this.payload,
        onModel: (name, index) => notice.setMessage(`Bitácora: timing ${name} on a ${WHICH_MODEL_CLIP.seconds} s clip (${index + 1} of ${models.length})… Click to cancel.`),
      });
      notice.hide();
      new WhichModelModal(this.app, adviseModel(timings), WHICH_MODEL_CLIP.seconds).open();
    } catch (error) {
      notice.setMessage(
        controller.signal.aborted
          ? "Bitácora: timing the Whisper models was cancelled."
          : `Bitácora could not time the Whisper models: ${error instanceof Error ? error.message : String(error)}`,
      );
      window.setTimeout(() => notice.hide(), 10000);
    } finally {
      this.running = null;
    }
  }
}
