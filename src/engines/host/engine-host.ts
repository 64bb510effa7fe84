/**
 * The engine host: a child process (Node, or Electron with ELECTRON_RUN_AS_NODE) that runs
 * the heavy processors so the Obsidian UI thread never stalls and a native crash cannot take
 * Obsidian down. It runs one job at a time per host and honours cancel messages.
 */
import { runPipeline } from "./pipeline";
import { installModel } from "./install-model";
import { toEngineError } from "./engine-error";
import type { HostRequest, HostResponse } from "./protocol";

const running = new Map<string, AbortController>();

function send(message: HostResponse): void {
  process.send?.(message);
}

async function handleProcess(request: Extract<HostRequest, { type: "process" }>): Promise<void> {
  const controller = new AbortController();
  running.set(request.id, controller);
  try {
    const findings = await runPipeline(request.job, request.options, controller.signal, (report) =>
      send({ type: "progress", id: request.id, report }),
    );
    send({ type: "result", id: request.id, findings });
  } catch (error) {
    const engineError = controller.signal.aborted ? toEngineError(controller.signal.reason ?? error) : toEngineError(error);
    send({ type: "error", id: request.id, message: engineError.message, code: engineError.code });
  } finally {
    running.delete(request.id);
  }
}

async function handleInstall(request: Extract<HostRequest, { type: "install-model" }>): Promise<void> {
  const controller = new AbortController();
  running.set(request.id, controller);
  try {
    const path = await installModel(request.name, request.modelsDir, controller.signal, (report) =>
      send({ type: "progress", id: request.id, report }),
    );
    send({ type: "installed", id: request.id, path });
  } catch (error) {
    const engineError = toEngineError(error);
    send({ type: "error", id: request.id, message: engineError.message, code: engineError.code });
  } finally {
    running.delete(request.id);
  }
}

process.on("message", (request: HostRequest) => {
  if (request.type === "process") void handleProcess(request);
  else if (request.type === "install-model") void handleInstall(request);
  else if (request.type === "cancel") running.get(request.id)?.abort();
});

// The parent going away means nobody wants the results: exit instead of lingering.
process.on("disconnect", () => process.exit(0));

send({ type: "ready", pid: process.pid });
