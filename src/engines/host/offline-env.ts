/**
 * Nothing leaves the machine: ONNX Runtime (used by the captioner, PaddleOCR and the Silero VAD)
 * otherwise resolves and posts to Microsoft's telemetry host and writes a device id under
 * ~/.cache/Microsoft/DeveloperTools. The engine client puts this in the host's environment, and
 * the host applies it again first thing (apply-offline-env.ts) whoever started it.
 */
export const OFFLINE_ENV = { ORT_DISABLE_TELEMETRY: "1" } as const;
