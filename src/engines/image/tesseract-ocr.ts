/**
 * Tesseract (tesseract.js, WebAssembly) with Spanish + English LSTM data from the npm packages
 * @tesseract.js-data/spa and /eng. The worker never fetches: langPath points at a local folder
 * holding the packaged .traineddata.gz files, and cacheMethod "none" keeps it from writing a
 * cache into the working directory.
 */
import { copyFile, mkdir, rename, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { OcrLine } from "../../core/photo/ocr-lines";
import { EngineError, throwIfCancelled } from "../host/engine-error";

// LSTM-only integer models: a third of the size of the full data and faster, same accuracy on screens.
const DATA_FLAVOUR = "4.0.0_best_int";
const LANGUAGES = ["spa", "eng"] as const;

export interface OcrEngine {
  readonly name: string;
  recognize(image: Buffer, signal?: AbortSignal): Promise<OcrLine[]>;
  dispose(): Promise<void>;
}

/** Where npm installed a language's data (resolved from node_modules, not bundled). */
export function packagedLanguageFile(lang: string): string {
  const packageJson = require.resolve(`@tesseract.js-data/${lang}/package.json`);
  return path.join(path.dirname(packageJson), DATA_FLAVOUR, `${lang}.traineddata.gz`);
}

export type TesseractLanguage = (typeof LANGUAGES)[number];

export interface TesseractOptions {
  /** Folder tesseract.js reads the languages from (written here when missing or different). */
  langFolder?: string;
  /**
   * The gzipped .traineddata bytes of a language (the portable host takes them from main.js);
   * without it, the files installed by npm in @tesseract.js-data are linked.
   */
  languageData?: (lang: TesseractLanguage) => Promise<Uint8Array>;
  /** tesseract.js's Node worker script and core folder, for a host that does not run from node_modules. */
  workerPath?: string;
  corePath?: string;
}

/** tesseract.js takes one langPath for all languages; the packages keep one folder each. */
async function prepareLangFolder(folder: string, languageData: TesseractOptions["languageData"]): Promise<string> {
  await mkdir(folder, { recursive: true });
  for (const lang of LANGUAGES) {
    const target = path.join(folder, `${lang}.traineddata.gz`);
    const existing = await stat(target).catch(() => undefined);
    if (languageData) {
      const bytes = await languageData(lang);
      if (existing?.size === bytes.byteLength) continue;
      // Written whole under a temporary name first, so a crash never leaves half a language.
      const partial = `${target}.${process.pid}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, target);
      continue;
    }
    const source = packagedLanguageFile(lang);
    const wanted = await stat(source);
    if (existing && existing.size === wanted.size) continue;
    // Symlinks need privileges on Windows; a copy (a few MB) always works.
    await symlink(source, target).catch(() => copyFile(source, target));
  }
  return folder;
}

interface TesseractLine {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface TesseractBlock {
  paragraphs: { lines: TesseractLine[] }[];
}

export class TesseractOcr implements OcrEngine {
  readonly name = "tesseract";
  private worker?: Promise<import("tesseract.js").Worker>;

  private readonly options: TesseractOptions;

  constructor(options: TesseractOptions = {}) {
    // Bytes handed over may differ from the npm files: keep the two folders apart.
    const folder = options.languageData ? "bitacora-tessdata-bundled" : "bitacora-tessdata";
    this.options = { ...options, langFolder: options.langFolder ?? path.join(os.tmpdir(), folder) };
  }

  private start(): Promise<import("tesseract.js").Worker> {
    this.worker ??= (async () => {
      const { createWorker, OEM, PSM } = await import("tesseract.js");
      const { langFolder, languageData, workerPath, corePath } = this.options;
      const langPath = await prepareLangFolder(langFolder!, languageData);
      const paths = { ...(workerPath ? { workerPath } : {}), ...(corePath ? { corePath } : {}) };
      const worker = await createWorker([...LANGUAGES], OEM.LSTM_ONLY, { langPath, cacheMethod: "none", gzip: true, ...paths });
      // Auto layout keeps columns of a dashboard apart but rows of a table together.
      // user_defined_dpi: our PNGs carry no density, and Tesseract would guess 25-70 dpi and warn.
      // tessedit_do_invert 0: we already turn light-on-dark screens into dark-on-light, so
      // Tesseract's second, inverted pass over every doubtful line only costs time.
      await worker.setParameters({
        tessedit_pageseg_mode: PSM.AUTO,
        preserve_interword_spaces: "1",
        user_defined_dpi: "300",
        tessedit_do_invert: "0",
      });
      return worker;
    })().catch((error: unknown) => {
      this.worker = undefined;
      throw new EngineError("no-model", `Tesseract could not start: ${(error as Error).message}`);
    });
    return this.worker;
  }

  /** Loads the languages now (about 2 s) so the first photo does not pay for it. */
  async warmUp(): Promise<void> {
    await this.start();
  }

  async recognize(image: Buffer, signal?: AbortSignal): Promise<OcrLine[]> {
    const worker = await this.start();
    throwIfCancelled(signal);
    const result = await worker.recognize(image, {}, { blocks: true, text: false });
    const blocks = (result.data.blocks ?? []) as unknown as TesseractBlock[];
    return blocks.flatMap((block) =>
      block.paragraphs.flatMap((paragraph) =>
        paragraph.lines.map((line) => ({
          text: line.text.replace(/\n$/, ""),
          confidence: line.confidence / 100,
          box: { ...line.bbox },
        })),
      ),
    );
  }

  async dispose(): Promise<void> {
    const pending = this.worker;
    this.worker = undefined;
    if (pending) await (await pending.catch(() => undefined))?.terminate();
  }
}
