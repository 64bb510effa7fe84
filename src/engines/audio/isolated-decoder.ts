import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { EngineError, throwIfCancelled, cancelledError } from "../host/engine-error";
import type { WorkerReply, WorkerRequest } from "./decode-worker-protocol";
import type { PcmBlock } from "./pcm-types";
import type { StreamOptions } from "./stream-options";

const DEFAULT_STALL_TIMEOUT_MS = 60_000;
export const DECODE_WORKER_FILE = "audio-decode-worker.js";

/** The bundled worker next to the running bundle (dist/ or the plugin folder), if present. */
export function findDecodeWorkerScript(): string | undefined {
  const candidate = join(__dirname, DECODE_WORKER_FILE);
  return existsSync(candidate) ? candidate : undefined;
}

/** One idle worker per script is kept (unref'd) so the next decode skips ~0.2 s of start-up. */
const idleWorkers = new Map<string, Worker>();

function takeWorker(script: string): Worker {
  const idle = idleWorkers.get(script);
  idleWorkers.delete(script);
  if (idle) {
    idle.ref();
    return idle;
  }
  return new Worker(script);
}

function parkWorker(script: string, worker: Worker): void {
  if (idleWorkers.has(script)) {
    void worker.terminate();
    return;
  }
  worker.unref(); // an idle decoder never keeps the process alive
  idleWorkers.set(script, worker);
}

/**
 * Runs the decoder in a worker thread and pulls blocks from it one at a time. Unlike the
 * in-thread decoder, a demuxer stuck in a synchronous loop on a damaged file cannot freeze the
 * caller: when a step overruns `stallTimeoutMs`, or the signal aborts, the worker is terminated.
 */
export async function* streamPcm16kMonoInWorker(source: string | Uint8Array, workerScript: string, options: StreamOptions = {}): AsyncGenerator<PcmBlock> {
  const { signal } = options;
  const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  throwIfCancelled(signal, "Decoding was cancelled.");
  const worker = takeWorker(workerScript);
  let waiting: { resolve(reply: WorkerReply): void; reject(error: Error): void } | undefined;
  const fail = (error: Error) => waiting?.reject(error);
  const onMessage = (reply: WorkerReply) => {
    if (reply.type === "info") options.onSourceInfo?.(reply.info);
    else waiting?.resolve(reply);
  };
  const onError = (error: Error) => fail(new EngineError("internal", `The audio decoder stopped: ${error.message}`));
  const onExit = (code: number) => fail(new EngineError("engine-crashed", `The audio decoder exited (code ${code}).`));
  const onAbort = () => fail(signal?.reason instanceof EngineError ? signal.reason : cancelledError("Decoding was cancelled."));
  worker.on("message", onMessage);
  worker.on("error", onError);
  worker.on("exit", onExit);
  signal?.addEventListener("abort", onAbort, { once: true });
  const post = (request: WorkerRequest) => worker.postMessage(request);

  const pull = () =>
    new Promise<WorkerReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new EngineError("timeout", `Decoding stopped: no audio came out for ${Math.round(stallMs / 1000)} s (the file may be damaged).`)), stallMs);
      waiting = {
        resolve: (reply) => (clearTimeout(timer), resolve(reply)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
      post({ type: "next" });
    });

  let reusable = false;
  try {
    post({ type: "start", source, batchSec: options.batchSec, stallTimeoutMs: stallMs });
    for (;;) {
      const reply = await pull();
      if (reply.type === "end") {
        reusable = true;
        return;
      }
      if (reply.type === "error") {
        reusable = true; // the worker reported it; it is not stuck
        throw new EngineError(reply.code, reply.message);
      }
      if (reply.type === "block") yield { startSec: reply.startSec, samples: reply.samples };
    }
  } finally {
    waiting = undefined;
    signal?.removeEventListener("abort", onAbort);
    worker.off("message", onMessage);
    worker.off("error", onError);
    worker.off("exit", onExit);
    // A worker that finished (or failed cleanly) is kept for the next decode; one that timed out,
    // was cancelled mid-way or was abandoned by the consumer is terminated.
    if (reusable) parkWorker(workerScript, worker);
    else await worker.terminate();
  }
}
