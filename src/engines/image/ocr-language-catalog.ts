/**
 * Tesseract's Spanish and English LSTM data (4.0.0_best_int, gzipped) as a downloadable model:
 * too big to ride in main.js (5 MB of an 8.9 MB main.js, most of its load time), so the portable
 * host reads it from <modelsDir>/<id>/ once the user downloads it. The files are the ones the npm
 * packages @tesseract.js-data/spa and /eng 1.0.0 publish, served by the jsDelivr npm CDN (where
 * tesseract.js itself fetches them by default); sizes and SHA-256 were taken from those packages.
 * The CLI and npm installs keep reading them from node_modules.
 */
import { access } from "node:fs/promises";
import path from "node:path";

export interface OcrLanguageFile {
  lang: "spa" | "eng";
  name: string;
  url: string;
  sizeBytes: number;
  approxMiB: number;
  sha256: string;
}

const CDN = "https://cdn.jsdelivr.net/npm/@tesseract.js-data";

export const OCR_LANGUAGES = {
  id: "tesseract-spa-eng",
  label: "OCR language data (Spanish + English, ~4.9 MB)",
  files: [
    {
      lang: "spa",
      name: "spa.traineddata.gz",
      url: `${CDN}/spa@1.0.0/4.0.0_best_int/spa.traineddata.gz`,
      sizeBytes: 2_100_190,
      approxMiB: 2.0,
      sha256: "40be52f97b5d4eb7460073dc1f94cd546b27150333c0bf854ed7e7132db6bceb",
    },
    {
      lang: "eng",
      name: "eng.traineddata.gz",
      url: `${CDN}/eng@1.0.0/4.0.0_best_int/eng.traineddata.gz`,
      sizeBytes: 2_952_873,
      approxMiB: 2.8,
      sha256: "45b4cb346724ac1774f1c36f42f182b887bcdb28ebe63e6fff90ac41f3fcff91",
    },
  ] as OcrLanguageFile[],
};

/** Where a downloaded language sits. */
export function ocrLanguagePath(modelsDir: string, lang: "spa" | "eng"): string {
  return path.join(modelsDir, OCR_LANGUAGES.id, `${lang}.traineddata.gz`);
}

/** Both languages are in the models folder (the download renames each file only once verified). */
export async function ocrLanguagesInstalled(modelsDir: string): Promise<boolean> {
  const found = await Promise.all(OCR_LANGUAGES.files.map((file) => access(ocrLanguagePath(modelsDir, file.lang)).then(() => true, () => false)));
  return found.every(Boolean);
}
