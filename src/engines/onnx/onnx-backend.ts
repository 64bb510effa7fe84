/**
 * One interface over the two ONNX Runtime builds. onnxruntime-node (native, CPU) serves the CLI and
 * the npm install; onnxruntime-web (WebAssembly, SIMD) serves the portable engine host that ships
 * inside main.js. Both share onnxruntime-common's Tensor and InferenceSession types, so model code
 * (Silero VAD, the captioner) is written once against this interface and the host wiring picks the
 * backend. Measured side by side in bench/results/vad.json and docs/engines.md.
 */
import type { InferenceSession, Tensor } from "onnxruntime-common";

// Types only: the portable bundle must not load onnxruntime-common beside onnxruntime-web's own copy.
export type { InferenceSession, Tensor } from "onnxruntime-common";

/** The tensors our models feed. */
export type TensorMaker = (type: "float32" | "int64", data: Float32Array | BigInt64Array, dims: readonly number[]) => Tensor;

export interface OnnxBackend {
  /** "onnxruntime-node" or "onnxruntime-web", shown in benchmarks and errors. */
  readonly name: string;
  /** A session on a model file path or the model's bytes; single-threaded unless options say otherwise. */
  createSession(model: string | Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession>;
  /** A tensor of this runtime's own class; valid once a session has been created. */
  readonly tensor: TensorMaker;
}

/** CPU options every model here uses: one intra-op thread keeps engines from competing with Whisper. */
export function cpuSessionOptions(threads = 1): InferenceSession.SessionOptions {
  return { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: "sequential", graphOptimizationLevel: "all" };
}
