/**
 * One interface over the two ONNX Runtime builds. onnxruntime-node (native, CPU) serves the CLI and
 * the npm install; onnxruntime-web (WebAssembly, SIMD) serves the portable engine host that ships
 * inside main.js. Both share onnxruntime-common's Tensor and InferenceSession types, so model code
 * (Silero VAD, the captioner) is written once against this interface and the host wiring picks the
 * backend. Measured side by side in bench/results/vad.json and docs/engines.md.
 */
import type { InferenceSession } from "onnxruntime-common";

export { Tensor, type InferenceSession } from "onnxruntime-common";

export interface OnnxBackend {
  /** "onnxruntime-node" or "onnxruntime-web", shown in benchmarks and errors. */
  readonly name: string;
  /** A session on a model file path or the model's bytes; single-threaded unless options say otherwise. */
  createSession(model: string | Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession>;
}

/** CPU options every model here uses: one intra-op thread keeps engines from competing with Whisper. */
export function cpuSessionOptions(threads = 1): InferenceSession.SessionOptions {
  return { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: "sequential", graphOptimizationLevel: "all" };
}
