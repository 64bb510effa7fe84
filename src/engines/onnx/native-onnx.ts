/**
 * onnxruntime-node behind OnnxBackend: native speed for the CLI and the npm-installed host.
 * Never imported by the portable engines (the packager fails the build if a native module is reachable).
 */
import type { OnnxBackend } from "./onnx-backend";

type Runtime = typeof import("onnxruntime-node");
let runtime: Promise<Runtime> | undefined;
let loaded: Runtime | undefined;

function loadRuntime(): Promise<Runtime> {
  // ONNX Runtime reads this once when its library loads (telemetry exists in its Windows builds).
  process.env.ORT_DISABLE_TELEMETRY ??= "1";
  runtime ??= import("onnxruntime-node").then((module) => (loaded = module));
  return runtime;
}

export const nativeOnnx: OnnxBackend = {
  name: "onnxruntime-node",
  async createSession(model, options = {}) {
    const { InferenceSession } = await loadRuntime();
    return typeof model === "string" ? InferenceSession.create(model, options) : InferenceSession.create(model, options);
  },
  tensor(type, data, dims) {
    if (!loaded) throw new Error("onnxruntime-node is not loaded yet: create a session first.");
    return new loaded.Tensor(type, data, dims);
  },
};
