/**
 * The engines of the portable engine host (the one main.js carries): WebAssembly and plain
 * JavaScript only. This module and everything it imports must never reach onnxruntime-node,
 * sharp, node-web-audio-api, @fugood/whisper.node or the native addon: esbuild.config.mjs's
 * portable guard fails the build if they do.
 *
 * Bytes: every binary piece an engine needs (WebAssembly modules, the Silero model, Tesseract's
 * languages) comes from a WasmAssets the caller supplies, named in assets/wasm-assets.ts
 * (WASM_ASSET_NAMES): the packager from main.js's payload (payloadAssets), tests and the CLI from
 * node_modules (nodeModuleAssets, with assetPathInNodeModules telling where each file sits).
 *
 * What runs here and how it compares with the native engines: docs/portable-engines.md.
 */
import type { MediaKind } from "../../core/media";
import type { MediaProcessor } from "../../core/processing/processor-port";
import type { WasmAssets } from "../assets/wasm-assets";
import { streamPortablePcm16kMono } from "../audio/portable-audio-decoder";
import { SileroVad } from "../audio/silero-vad";
import { createEmotionProcessor } from "../emotion/emotion-processor";
import { frameMeter } from "../emotion/frame-meter";
import { OcrStrategy } from "../image/ocr-strategy";
import { createPhotoDescriptionProcessor } from "../image/photo-description-processor";
import { PhotoEngines } from "../image/photo-engines";
import type { OcrEngine } from "../image/tesseract-ocr";
import { ocrLanguagePath, ocrLanguagesInstalled } from "../image/ocr-language-catalog";
import { readFile } from "node:fs/promises";
import { WasmPhotoDecoder } from "../image/wasm-photo-decoder";
import { createImageMetadataProcessor } from "../metadata/image-metadata-processor";
import type { OnnxBackend } from "../onnx/onnx-backend";
import { createWebOnnx } from "../onnx/web-onnx";

export interface PortableEngines {
  /** onnxruntime-web with its .wasm from the assets (one thread). */
  onnx: OnnxBackend;
  photo: PhotoEngines;
  /** Recordings to 16 kHz mono blocks: WebAssembly/TypeScript codecs (WebM/Opus, MP3, FLAC, WAV); AAC and Vorbis through the parent's WebCodecs or ffmpeg. */
  streamPcm: typeof streamPortablePcm16kMono;
  /** A Silero VAD session on onnxruntime-web with the bundled model; reuse it across recordings. */
  createVad(): Promise<SileroVad>;
  /** Emotion from the transcript and the voice (portable decoder), or from a photo's description. */
  emotion: MediaProcessor;
  /** The processors for a media kind, in order (same contract as host/processors.ts). */
  processorsFor(kind: MediaKind): MediaProcessor[];
  dispose(): Promise<void>;
}

export interface PortableEngineOptions {
  /**
   * The OCR engine: TesseractOcr({ languageData, workerPath, corePath }) once tesseract.js's worker
   * script and core travel in the payload (the portable guard refuses the package from node_modules
   * today). Without it, photos get their metadata but no description.
   */
  ocr?: (languageData: (lang: "spa" | "eng") => Promise<Uint8Array>) => OcrEngine;
  /**
   * The processors for recordings (metadata, transcription, emotion) as the host wires them; the
   * transcription needs whisper.cpp in WebAssembly (docs/portable-engines.md). Default: none.
   */
  audioProcessors?: (engines: PortableEngines) => MediaProcessor[];
  /**
   * Read Tesseract's languages from the models folder (where the user downloads them,
   * image/ocr-language-catalog.ts) instead of the assets: main.js carries no language data.
   */
  ocrLanguagesFromModelsDir?: boolean;
}

export function createPortableEngines(assets: WasmAssets, options: PortableEngineOptions = {}): PortableEngines {
  const onnx = createWebOnnx(assets);
  const photo = new PhotoEngines({
    decoder: new WasmPhotoDecoder(assets),
    onnx,
    // PaddleOCR's second opinion needs onnxruntime-node (@gutenye/ocr-node): the primary engine alone here.
    createOcr: ({ modelsDir }) =>
      new OcrStrategy(
        makeOcr!((lang) => (options.ocrLanguagesFromModelsDir ? readFile(ocrLanguagePath(modelsDir, lang)) : assets.get(`${lang}.traineddata.gz`))),
        undefined,
      ),
    ...(options.ocrLanguagesFromModelsDir ? { ocrLanguagesMissing: async ({ modelsDir }) => !(await ocrLanguagesInstalled(modelsDir)) } : {}),
  });
  const makeOcr = options.ocr;
  const emotion = createEmotionProcessor(frameMeter(streamPortablePcm16kMono));
  const imageProcessors = [createImageMetadataProcessor(photo.decoder), ...(makeOcr ? [createPhotoDescriptionProcessor(photo), emotion] : [])];
  const engines: PortableEngines = {
    onnx,
    photo,
    streamPcm: streamPortablePcm16kMono,
    emotion,
    createVad: async () => SileroVad.create({ onnx, threads: 1, model: await assets.get("silero_vad.onnx") }),
    processorsFor: (kind) => (kind === "audio" ? audioProcessors : imageProcessors),
    dispose: () => photo.dispose(),
  };
  const audioProcessors = options.audioProcessors?.(engines) ?? [];
  return engines;
}
