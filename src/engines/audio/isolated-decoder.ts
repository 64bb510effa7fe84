import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { EngineError } from "../host/engine-error";
import type { WorkerReply, WorkerStart } from "./decode-worker-protocol";
import type { PcmBlock } from "./pcm-types";
import type { StreamOptions } from "./stream-options";

const DEFAULT_STALL_TIMEOUT_MS = 60_000;
export const DECODE_WORKER_FILE = "audio-decode-worker.js";

/** The bundled worker next to the running bundle (dist/ or the plugin folder), if present. */
export function findDecodeWorkerScript(): string | undefined {
  const candidate = join(__dirname, DECODE_WORKER_FILE);
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Runs the decoder in a worker thread and pulls blocks from it one at a time. Unlike the
 * in-thread decoder, a demuxer stuck in a synchronous loop on a damaged file cannot freeze the
 * caller: when a step overruns `stallTimeoutMs`, or the signal aborts, the worker is terminated.
 */
export async function* streamPcm16kMonoInWorker(source: string | Uint8Array, workerScript: string, options: StreamOptions = {}): AsyncGenerator<PcmBlock> {
  const { signal } = options;
  const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  if (signal?.aborted) throw new EngineError("cancelled", "Decoding was cancelled.");
  const start: WorkerStart = { source, batchSec: options.batchSec, stallTimeoutMs: stallMs };
  const worker = new Worker(workerScript, { workerData: start });
  let waiting: { resolve(reply: WorkerReply): void; reject(error: Error): void } | undefined;
  const fail = (error: Error) => waiting?.reject(error);
  worker.on("message", (reply: WorkerReply) => {
    if (reply.type === "info") options.onSourceInfo?.(reply.info);
    else waiting?.resolve(reply);
  });
  worker.on("error", (error) => fail(new EngineError("internal", `The audio decoder stopped: ${error.message}`)));
  worker.on("exit", (code) => fail(new EngineError("engine-crashed", `The audio decoder exited (code ${code}).`)));
  const onAbort = () => fail(signal?.reason instanceof EngineError ? signal.reason : new EngineError("cancelled", "Decoding was cancelled."));
  signal?.addEventListener("abort", onAbort, { once: true });

  const pull = () =>
    new Promise<WorkerReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new EngineError("timeout", `Decoding stopped: no audio came out for ${Math.round(stallMs / 1000)} s (the file may be damaged).`)), stallMs);
      waiting = {
        resolve: (reply) => (clearTimeout(timer), resolve(reply)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
      worker.postMessage("next");
    });
  try {
    for (;;) {
      const reply = await pull();
      if (reply.type === "end") return;
      if (reply.type === "error") throw new EngineError(reply.code, reply.message);
      if (reply.type === "block") yield { startSec: reply.startSec, samples: reply.samples };
    }
  } finally {
    waiting = undefined;
    signal?.removeEventListener("abort", onAbort);
    worker.removeAllListeners("exit");
    await worker.terminate();
  }
}
