/**
 * The main-thread side of one decode in the renderer's worker: answers the worker's reads from a
 * file, hands each block of 16 kHz mono PCM to a sink (and acknowledges it once stored), and ends
 * the worker on cancel. No Node and no DOM here, so the same code runs in Obsidian and in the
 * Chromium test page.
 */
import type { SourceAudioInfo } from "../../engines/audio/pcm-types";
import type { FromDecodeWorker, ToDecodeWorker, WorkerFailure } from "./decode-messages";

/** What a Web Worker offers (and the tests' stand-ins). */
export interface DecodeWorkerHandle {
  postMessage(message: ToDecodeWorker, transfer?: Transferable[]): void;
  onmessage: ((event: { data: FromDecodeWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** Random access to the recording's bytes (Node's fs in Obsidian, HTTP ranges in the test page). */
export interface RecordingBytes {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

export class WorkerDecodeError extends Error {
  constructor(
    readonly code: WorkerFailure | "cancelled",
    message: string,
  ) {
    super(message);
  }
}

export interface WorkerDecodeResult {
  info: SourceAudioInfo | undefined;
  /** 16 kHz samples handed to the sink. */
  samples: number;
}

/** Runs one decode to its end; the worker is terminated whatever the outcome. */
export function runWorkerDecode(
  worker: DecodeWorkerHandle,
  file: RecordingBytes,
  sink: (samples: Float32Array) => Promise<void>,
  signal?: AbortSignal,
): Promise<WorkerDecodeResult> {
  let info: SourceAudioInfo | undefined;
  let samples = 0;
  return new Promise<WorkerDecodeResult>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      if (error) reject(error);
      else resolve({ info, samples });
    };
    const onAbort = () => finish(new WorkerDecodeError("cancelled", "Cancelled."));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const post = (message: ToDecodeWorker, transfer?: Transferable[]) => {
      if (!settled) worker.postMessage(message, transfer);
    };
    worker.onerror = (event) => finish(new WorkerDecodeError("corrupt-media", `The decoder stopped: ${event.message ?? "worker error"}.`));
    worker.onmessage = ({ data: message }) => {
      if (message.type === "read") {
        file.read(message.start, message.end).then(
          (bytes) => post({ type: "bytes", id: message.id, bytes }, ownsWholeBuffer(bytes) ? [bytes.buffer] : []),
          (error: unknown) => post({ type: "read-failed", id: message.id, message: error instanceof Error ? error.message : String(error) }),
        );
      } else if (message.type === "info") {
        info = message.info;
      } else if (message.type === "pcm") {
        samples += message.samples.length;
        sink(message.samples).then(
          () => post({ type: "ack" }),
          (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
        );
      } else if (message.type === "done") {
        finish();
      } else {
        finish(new WorkerDecodeError(message.code, message.message));
      }
    };
    post({ type: "start", size: file.size });
  });
}

/** Only a buffer the bytes fill alone may be transferred (a pooled Node Buffer shares its ArrayBuffer). */
function ownsWholeBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}
