/**
 * WasmAssets from main.js's payload (src/engines/payload): each asset is an entry the packager
 * embeds under its WASM_ASSET_NAMES name, extracted on first use to the per-payload cache.
 */
import { readFile } from "node:fs/promises";
import type { PayloadCache } from "../payload/payload-reader";
import { cachedAssets, type WasmAssets } from "./wasm-assets";

export function payloadAssets(payload: PayloadCache): WasmAssets {
  return cachedAssets(async (name) => new Uint8Array(await readFile(payload.file(name))));
}
