/**
 * Worker-thread entry for the isolated decoder (bundled as audio-decode-worker.js next to
 * engine-host.js). The parent pulls one block at a time; the worker already decodes the next
 * while the parent handles the current one, so memory stays flat and the round trip is hidden.
 * If a demuxer spins in a synchronous loop on a damaged file, the parent terminates this thread.
 */
import { parentPort } from "node:worker_threads";
import { toEngineError } from "../host/engine-error";
import { streamPcm16kMonoInThread } from "./node-audio-decoder";
import type { PcmBlock } from "./pcm-types";
import type { WorkerReply, WorkerRequest } from "./decode-worker-protocol";

type Step = IteratorResult<PcmBlock> | { failed: unknown };

const port = parentPort;
if (port) {
  const send = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  let stream: AsyncGenerator<PcmBlock> | undefined;
  let ahead: Promise<Step> | undefined;
  const advance = (): Promise<Step> => stream!.next().catch((failed: unknown) => ({ failed }));

  const reply = async () => {
    const step = await ahead!;
    if ("failed" in step) {
      const error = toEngineError(step.failed);
      send({ type: "error", code: error.code, message: error.message });
      return;
    }
    if (step.done) {
      send({ type: "end" });
      return;
    }
    ahead = advance(); // decode the next block while the parent works on this one
    // Transfer, not copy — unless the block is a view into a larger buffer still in use.
    const { samples, startSec } = step.value;
    const own = samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength ? samples : samples.slice();
    send({ type: "block", startSec, samples: own }, [own.buffer as ArrayBuffer]);
  };

  port.on("message", (request: WorkerRequest) => {
    if (request.type === "start") {
      stream = streamPcm16kMonoInThread(request.source, {
        batchSec: request.batchSec,
        stallTimeoutMs: request.stallTimeoutMs,
        onSourceInfo: (info) => send({ type: "info", info }),
      });
      ahead = advance();
    } else {
      void reply();
    }
  });
}
