/**
 * Messages between the renderer's main thread and the decode worker (renderer-decode-worker.js,
 * built into main.js's payload). The worker has no file access: it asks the main thread for byte
 * ranges, so a long recording is read piece by piece, and it waits for an acknowledgement after
 * each block of PCM, so a slow disk never lets decoded audio pile up in memory.
 */
import type { SourceAudioInfo } from "../../engines/audio/pcm-types";

export type WorkerFailure = "unsupported-media" | "corrupt-media";

export type ToDecodeWorker =
  | { type: "start"; size: number }
  | { type: "bytes"; id: number; bytes: Uint8Array }
  | { type: "read-failed"; id: number; message: string }
  /** The main thread has stored the last block: the worker may send the next. */
  | { type: "ack" };

export type FromDecodeWorker =
  | { type: "read"; id: number; start: number; end: number }
  | { type: "info"; info: SourceAudioInfo }
  /** 16 kHz mono samples, in order; its buffer is transferred. */
  | { type: "pcm"; samples: Float32Array }
  | { type: "done" }
  | { type: "error"; code: WorkerFailure; message: string };
