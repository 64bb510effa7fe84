/**
 * Worker-thread entry for the isolated decoder (bundled as audio-decode-worker.js next to
 * engine-host.js). The parent pulls one block at a time, so memory stays flat; if a demuxer
 * spins in a synchronous loop on a damaged file, the parent terminates this thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { toEngineError } from "../host/engine-error";
import { streamPcm16kMonoInThread } from "./node-audio-decoder";
import type { WorkerReply, WorkerStart } from "./decode-worker-protocol";

const port = parentPort;
if (port) {
  const start = workerData as WorkerStart;
  const send = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  const stream = streamPcm16kMonoInThread(start.source, {
    batchSec: start.batchSec,
    stallTimeoutMs: start.stallTimeoutMs,
    onSourceInfo: (info) => send({ type: "info", info }),
  });
  const pullNext = async () => {
    try {
      const next = await stream.next();
      if (next.done) send({ type: "end" });
      else {
        // Transfer, not copy — unless the block is a view into a larger buffer still in use.
        const { samples } = next.value;
        const own = samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength ? samples : samples.slice();
        send({ type: "block", startSec: next.value.startSec, samples: own }, [own.buffer as ArrayBuffer]);
      }
    } catch (error) {
      const engineError = toEngineError(error);
      send({ type: "error", code: engineError.code, message: engineError.message });
    }
  };
  port.on("message", () => void pullNext());
}
