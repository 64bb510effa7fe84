import type { MediaKind } from "../../core/media";
import type { MediaProcessor } from "../../core/processing/processor-port";
import { nodeModuleAssets } from "../assets/node-module-assets";
import { payloadAssets } from "../assets/payload-assets";
import { audioMetadataProcessor } from "../metadata/audio-metadata-processor";
import { currentPayload } from "../payload/payload-reader";
import { createPortableEngines, type PortableEngines } from "./portable-engines";
import { TesseractOcr } from "../image/tesseract-ocr";
import { createPortableTranscriptionProcessor } from "../whisper/portable-transcription-processor";

/**
 * The processors of the engine host embedded in main.js (esbuild.config.mjs puts this module in
 * place of ./processors there): only engines without native code (host/portable-engines.ts),
 * since the three installed files carry no node_modules. The build fails if a native module
 * becomes reachable from here. Their bytes come from main.js's payload; run from source (tests),
 * from node_modules.
 * Recordings: metadata, transcription (whisper.cpp WASM or the user's whisper-cli), emotion. The photo description reads text with
 * tesseract.js, whose worker script and core travel in the payload (run from source: none).
 */
let engines: PortableEngines | undefined;

export function portableEngines(): PortableEngines {
  if (engines) return engines;
  const payload = currentPayload();
  // From main.js, Tesseract's worker script and its core's .wasm are extracted side by side on first use.
  const ocr = payload
    ? (languageData: (lang: "spa" | "eng") => Promise<Uint8Array>) => {
        payload.file("tesseract-core-simd-lstm.wasm");
        return new TesseractOcr({ languageData, workerPath: payload.file("tesseract-worker.js") });
      }
    : undefined;
  engines = createPortableEngines(payload ? payloadAssets(payload) : nodeModuleAssets(), {
    audioProcessors: (portable) => [audioMetadataProcessor, createPortableTranscriptionProcessor(portable), portable.emotion],
    ocr,
    // main.js carries no language data (5 MB): the user downloads it into the models folder.
    ocrLanguagesFromModelsDir: Boolean(payload),
  });
  return engines;
}

export function processorsFor(kind: MediaKind): MediaProcessor[] {
  return portableEngines().processorsFor(kind);
}
