/**
 * The settings' "OCR language data" row: what the download is (size, host, folder), whether this
 * device has it, and a button that downloads it with progress shown in the row, or cancels it.
 * The same download as the "Download OCR language data" command (ModelDownloader).
 */
import path from "node:path";
import { Setting, type ButtonComponent } from "obsidian";
import { OCR_LANGUAGES, ocrLanguagesInstalled } from "../engines/image/ocr-language-catalog";

export interface OcrLanguageDownloads {
  downloadOcrLanguages(onProgress?: (text: string) => void): Promise<void>;
  cancel(): void;
}

const totalMiB = OCR_LANGUAGES.files.reduce((sum, file) => sum + file.sizeBytes, 0) / 2 ** 20;
const hosts = [...new Set(OCR_LANGUAGES.files.map((file) => new URL(file.url).host))].join(", ");

/** "Spanish and English text recognition for photos: 4.8 MiB from cdn.jsdelivr.net, …" */
export function ocrLanguageDescription(folder: string, state: string): string {
  return `Spanish and English text recognition for photos: ${totalMiB.toFixed(1)} MiB from ${hosts}, checked with SHA-256, saved in ${folder}. ${state}`;
}

export function addOcrLanguageSetting(containerEl: HTMLElement, downloads: OcrLanguageDownloads, modelsDir: string): void {
  const folder = path.join(modelsDir, OCR_LANGUAGES.id);
  const setting = new Setting(containerEl).setName("OCR language data");
  let button: ButtonComponent | undefined;
  let running = false;
  /** After a download that did not install the data, its outcome (failed, cancelled) stays in the row. */
  const showInstalled = async (outcome = "") => {
    const installed = await ocrLanguagesInstalled(modelsDir);
    const state = installed ? "Installed on this device." : `${outcome ? `${outcome} ` : ""}Not downloaded yet: until it is, photos get no text read.`;
    setting.setDesc(ocrLanguageDescription(folder, state));
    button?.setButtonText(installed ? "Download again" : "Download");
  };
  setting.addButton((component) => {
    button = component;
    component.setButtonText("Download").onClick(() => {
      if (running) return downloads.cancel();
      running = true;
      component.setButtonText("Cancel download");
      let last = "";
      const progress = (text: string) => {
        last = text;
        setting.setDesc(ocrLanguageDescription(folder, text));
      };
      void downloads
        .downloadOcrLanguages(progress)
        .then(() => showInstalled(last))
        .finally(() => (running = false));
    });
  });
  void showInstalled();
}
