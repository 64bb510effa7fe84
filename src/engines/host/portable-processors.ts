import type { MediaKind } from "../../core/media";
import type { MediaProcessor } from "../../core/processing/processor-port";
import { nodeModuleAssets } from "../assets/node-module-assets";
import { payloadAssets } from "../assets/payload-assets";
import { audioMetadataProcessor } from "../metadata/audio-metadata-processor";
import { currentPayload } from "../payload/payload-reader";
import { createPortableEngines, type PortableEngines } from "./portable-engines";

/**
 * The processors of the engine host embedded in main.js (esbuild.config.mjs puts this module in
 * place of ./processors there): only engines without native code (host/portable-engines.ts),
 * since the three installed files carry no node_modules. The build fails if a native module
 * becomes reachable from here. Their bytes come from main.js's payload; run from source (tests),
 * from node_modules.
 * Pending (issue #10): transcription (whisper.cpp WASM, with createVad() for Silero), emotion (needs
 * the audio decoders without node-web-audio-api), and the photo description, which waits for
 * tesseract.js's worker and core in the payload (createPortableEngines' `ocr` option).
 */
let engines: PortableEngines | undefined;

export function portableEngines(): PortableEngines {
  const payload = currentPayload();
  engines ??= createPortableEngines(payload ? payloadAssets(payload) : nodeModuleAssets(), { audioProcessors: () => [audioMetadataProcessor] });
  return engines;
}

export function processorsFor(kind: MediaKind): MediaProcessor[] {
  return portableEngines().processorsFor(kind);
}
