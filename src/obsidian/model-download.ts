import { Notice, SuggestModal, type App } from "obsidian";
import { WHISPER_MODELS, RECOMMENDED_MODEL, type WhisperModelInfo } from "../engines/models/whisper-catalog";
import { VIT_GPT2_CAPTIONER } from "../engines/image/caption-model-catalog";
import { OCR_LANGUAGES } from "../engines/image/ocr-language-catalog";
import type { ModelInstaller } from "../core/ports";
import type { DeviceSettingsStore } from "../core/settings/device-settings";

/** Lets the user pick an official Whisper model; the recommended one comes first. */
class WhisperModelPicker extends SuggestModal<WhisperModelInfo> {
  constructor(app: App, private readonly onPick: (model: WhisperModelInfo) => void) {
    super(app);
    this.setPlaceholder("Choose a Whisper model to download (larger is slower and more accurate)");
  }

  getSuggestions(query: string): WhisperModelInfo[] {
    const q = query.trim().toLowerCase();
    const models = [...WHISPER_MODELS].sort((a, b) => Number(b.name === RECOMMENDED_MODEL) - Number(a.name === RECOMMENDED_MODEL));
    return models.filter((model) => model.name.toLowerCase().includes(q));
  }

  renderSuggestion(model: WhisperModelInfo, el: HTMLElement): void {
    el.createDiv({ text: model.name + (model.name === RECOMMENDED_MODEL ? " (recommended)" : "") });
    el.createEl("small", { text: `${model.sizeMiB} MiB` });
  }

  onChooseSuggestion(model: WhisperModelInfo): void {
    this.onPick(model);
  }
}

/**
 * Downloads a model in the engine host (off the UI thread), with a progress notice that can be
 * cancelled by clicking it; on success this device uses the new model.
 */
export class ModelDownloader {
  private running: AbortController | null = null;

  constructor(
    private readonly app: App,
    private readonly installer: ModelInstaller,
    private readonly device: DeviceSettingsStore,
  ) {}

  choose(): void {
    new WhisperModelPicker(this.app, (model) => void this.download(model)).open();
  }

  async download(model: WhisperModelInfo): Promise<void> {
    await this.install(`Whisper ${model.name}`, model.name, (path) => {
      this.device.update({ whisperModelPath: path });
      return `Whisper ${model.name} is installed and in use. Recordings waiting in the queue are transcribed now.`;
    });
  }

  /** The local photo captioner (~244 MB); once installed, photos also get a caption of what they show. */
  async downloadCaptioner(onInstalled: () => Promise<void>): Promise<void> {
    await this.install("the photo captioner", VIT_GPT2_CAPTIONER.id, () => {
      void onInstalled();
      return "The photo captioner is installed; new photos get a caption of what they show.";
    });
  }

  /** Tesseract's Spanish + English data (~4.9 MB), which main.js does not carry; without it photos get no text read. */
  async downloadOcrLanguages(onProgress?: (text: string) => void): Promise<void> {
    await this.install("the OCR language data", OCR_LANGUAGES.id, () => "The OCR language data is installed; new photos get their text read.", onProgress);
  }

  /** Stops the running download; the part already fetched is kept for the next attempt. */
  cancel(): void {
    this.running?.abort();
  }

  /** `onProgress` also receives every message the notice shows (the settings tab repeats them). */
  private async install(label: string, id: string, done: (path: string) => string, onProgress: (text: string) => void = () => undefined): Promise<void> {
    if (this.running) {
      new Notice("Bitácora: a model is already downloading.");
      return;
    }
    const controller = new AbortController();
    this.running = controller;
    const notice = new Notice(`Bitácora: downloading ${label}… (click to cancel)`, 0);
    const show = (message: string, forNotice = message) => {
      notice.setMessage(`Bitácora: ${forNotice}`);
      onProgress(message);
    };
    notice.messageEl.addEventListener("click", () => controller.abort());
    try {
      const path = await this.installer.installModel(id, this.device.settings.modelsDir, controller.signal, (report) => {
        const progress = `${report.stage}${report.fraction !== undefined ? ` (${Math.round(report.fraction * 100)}%)` : ""}`;
        show(progress, `${progress} — click to cancel`);
      });
      show(done(path));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const outcome = controller.signal.aborted ? "download cancelled; it resumes where it stopped next time." : `download failed. ${message}`;
      show(outcome.charAt(0).toUpperCase() + outcome.slice(1), outcome);
    } finally {
      this.running = null;
      window.setTimeout(() => notice.hide(), 10000);
    }
  }
}
