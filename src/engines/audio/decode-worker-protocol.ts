import type { EngineErrorCode } from "../host/protocol";
import type { SourceAudioInfo } from "./pcm-types";

/** Parent → worker: start a decode (a worker runs one at a time, and can be reused), or pull a block. */
export type WorkerRequest = { type: "start"; source: string | Uint8Array; batchSec?: number; stallTimeoutMs?: number } | { type: "next" };

/** Worker → parent: the source facts once, then one reply per pull. */
export type WorkerReply =
  | { type: "info"; info: SourceAudioInfo }
  | { type: "block"; startSec: number; samples: Float32Array }
  | { type: "end" }
  | { type: "error"; code: EngineErrorCode; message: string };
