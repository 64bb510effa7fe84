import type { EngineErrorCode } from "../host/protocol";
import type { SourceAudioInfo } from "./pcm-types";

/** What the isolated decoder's worker is started with (workerData). */
export interface WorkerStart {
  source: string | Uint8Array;
  batchSec?: number;
  stallTimeoutMs?: number;
}

/** The worker's answer to each pull ("next" message) from the parent. */
export type WorkerReply =
  | { type: "info"; info: SourceAudioInfo }
  | { type: "block"; startSec: number; samples: Float32Array }
  | { type: "end" }
  | { type: "error"; code: EngineErrorCode; message: string };
