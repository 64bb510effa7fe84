/**
 * The engine host: a child process (Node, or Electron with ELECTRON_RUN_AS_NODE) that runs
 * the heavy processors so the Obsidian UI thread never stalls and a native crash cannot take
 * Obsidian down. Jobs run one at a time (JobLine); a repeated request joins the one under way.
 */
import "./apply-offline-env";
import { runPipeline } from "./pipeline";
import { installModel } from "./install-model";
import { toEngineError } from "./engine-error";
import { JobLine } from "./job-line";
import type { ProgressReport } from "../../core/processing/processor-port";
import type { HostRequest, HostResponse } from "./protocol";
import { exitWithParent } from "./parent-watchdog";
import { ParentHttpTransport } from "./parent-http";
import { setProcessTransport } from "../http/host-transport";
import { ParentWavDecoder } from "./parent-wav-decoder";
import { setProcessWavDecoder } from "../audio/wav-decoder-port";
import { currentPayload } from "../payload/payload-reader";
import { bundledFile } from "./bundled-file";

type Answer = Extract<HostResponse, { type: "result" | "installed" }>;

const line = new JobLine<Answer>();

function send(message: HostResponse): void {
  process.send?.(message);
}

// HTTP (the transcription server) is made by the parent: requestUrl in Obsidian, fetch in the CLI.
const parentHttp = new ParentHttpTransport(send);
setProcessTransport(parentHttp);
// AAC and Vorbis, which the WebAssembly codecs lack, are decoded by the parent (Obsidian's WebCodecs)
// with the worker that main.js's payload carries (extracted on first use).
const parentDecoder = new ParentWavDecoder(send, () => currentPayload()?.file("renderer-decode-worker.js"));
setProcessWavDecoder(parentDecoder);

type WorkRequest = Extract<HostRequest, { type: "process" | "install-model" }>;

function work(request: WorkRequest): (signal: AbortSignal, ids: () => string[]) => Promise<Answer> {
  return async (signal, ids) => {
    const onProgress = (report: ProgressReport) => {
      for (const id of ids()) send({ type: "progress", id, report });
    };
    if (request.type === "process") return { type: "result", id: "", findings: await runPipeline(request.job, request.options, signal, onProgress) };
    return { type: "installed", id: "", path: await installModel(request.name, request.modelsDir, signal, onProgress) };
  };
}

function handle(request: WorkRequest): void {
  const { id, type: _type, ...what } = request;
  const key = JSON.stringify([request.type, what]);
  line.add(id, key, work(request)).then(
    (answer) => send({ ...answer, id }),
    (error: unknown) => {
      const engineError = toEngineError(error);
      send({ type: "error", id, message: engineError.message, code: engineError.code });
    },
  );
}

/** A quick file lookup: answered at once, not queued behind the running job. */
function answerBundledFile(request: Extract<HostRequest, { type: "bundled-file" }>): void {
  try {
    send({ type: "bundled-file", id: request.id, path: bundledFile(request.name, __dirname, request.payload) });
  } catch (error) {
    const engineError = toEngineError(error);
    send({ type: "error", id: request.id, message: engineError.message, code: engineError.code });
  }
}

process.on("message", (request: HostRequest) => {
  if (request.type === "cancel") line.cancel(request.id);
  else if (request.type === "http-response" || request.type === "http-failed") parentHttp.answer(request);
  else if (request.type === "decoded" || request.type === "decode-failed") parentDecoder.answer(request);
  else if (request.type === "bundled-file") answerBundledFile(request);
  else handle(request);
});

// The parent going away means nobody wants the results: exit instead of lingering, also while
// a native call holds the main thread (then only the watchdog thread notices).
process.on("disconnect", () => process.exit(0));
exitWithParent();

send({ type: "ready", pid: process.pid });
