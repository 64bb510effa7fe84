import type { MediaKind } from "../../core/media";
import type { MediaProcessor } from "../../core/processing/processor-port";
import { audioMetadataProcessor } from "../metadata/audio-metadata-processor";

/**
 * The processors of the engine host embedded in main.js (esbuild.config.mjs puts this module in
 * place of ./processors there): only engines without native code, since the three installed
 * files carry no node_modules. The build fails if a native module becomes reachable from here.
 * Pending until their WebAssembly engines land (issue #10): transcription and emotion (whisper.cpp
 * WASM, Silero VAD on onnxruntime-web, WASM audio decoders), image metadata and photo
 * description (WASM image decoding in place of sharp, tesseract.js from the payload).
 */
export function processorsFor(kind: MediaKind): MediaProcessor[] {
  if (kind === "audio") return [audioMetadataProcessor];
  return [];
}
