/**
 * onnxruntime-web (WebAssembly, SIMD) behind OnnxBackend, for the portable engine host.
 * The .wasm comes from WasmAssets as bytes: nothing is fetched or looked up beside the bundle.
 * onnxruntime-web sends no telemetry (its build has no telemetry code; checked in docs/engines.md).
 */
import { readFile } from "node:fs/promises";
import type { InferenceSession } from "onnxruntime-common";
import * as ort from "onnxruntime-web/wasm";
import type { WasmAssets } from "../assets/wasm-assets";
import type { OnnxBackend } from "./onnx-backend";

export interface WebOnnxOptions {
  /**
   * WebAssembly threads for every session (the runtime is one per process). 1 (default) needs no
   * worker threads, which a bundled host cannot start from a file; Silero VAD meets its target on one.
   */
  threads?: number;
}

let configured: Promise<void> | undefined;

/** onnxruntime-web's settings are global: the first backend created decides them for the process. */
function configure(assets: WasmAssets, threads: number): Promise<void> {
  configured ??= assets.get("ort-wasm-simd-threaded.wasm").then((wasm) => {
    ort.env.wasm.wasmBinary = wasm;
    ort.env.wasm.numThreads = threads;
    ort.env.wasm.proxy = false;
    ort.env.logLevel = "error";
  });
  configured.catch(() => (configured = undefined));
  return configured;
}

export function createWebOnnx(assets: WasmAssets, options: WebOnnxOptions = {}): OnnxBackend {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  return {
    name: "onnxruntime-web",
    async createSession(model, sessionOptions?: InferenceSession.SessionOptions) {
      await configure(assets, threads);
      const bytes = typeof model === "string" ? new Uint8Array(await readFile(model)) : model;
      return ort.InferenceSession.create(bytes, { ...sessionOptions, executionProviders: ["wasm"] });
    },
    tensor: (type, data, dims) => new ort.Tensor(type, data, dims),
  };
}
