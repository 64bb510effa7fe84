import { existsSync } from "node:fs";
import path from "node:path";
import { currentPayload } from "../../payload/payload-reader";
import { WHISPER_WASM_FILES, WhisperWasmRuntime } from "./whisper-wasm-runtime";

/** Where the committed build lives in the repository (and beside dist/ in the npm package). */
const VENDOR_DIR = path.join("vendor", "whisper-wasm");

/**
 * The folder holding the WebAssembly build: extracted from main.js's payload in the plugin's
 * engine host (on first use), else the repository's vendor/whisper-wasm found upwards from this
 * file (src/engines/whisper/wasm in tests, dist/ for the CLI and the native host).
 */
export function whisperWasmDir(): string {
  const payload = currentPayload();
  if (payload && WHISPER_WASM_FILES.every((name) => payload.names.includes(name))) {
    for (const name of WHISPER_WASM_FILES) payload.file(name);
    return payload.dir;
  }
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, VENDOR_DIR);
    if (existsSync(path.join(candidate, WHISPER_WASM_FILES[0]))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`the WebAssembly Whisper build (${VENDOR_DIR}) is missing`);
}

let shared: Promise<WhisperWasmRuntime> | null = null;

/** One runtime per process, shared by every model; a failed load is retried on the next call. */
export function sharedWhisperWasmRuntime(): Promise<WhisperWasmRuntime> {
  if (!shared) {
    shared = (async () => WhisperWasmRuntime.load(whisperWasmDir()))();
    shared.catch(() => (shared = null));
  }
  return shared;
}
