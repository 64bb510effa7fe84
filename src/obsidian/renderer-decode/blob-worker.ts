import type { DecodeWorkerHandle } from "./worker-decode-session";

/**
 * Starts the decode worker from its text, as Obsidian plugins start workers (main.js carries the
 * code; a blob: URL needs no file beside main.js). The URL is revoked when the worker ends.
 */
export function startBlobWorker(source: string): DecodeWorkerHandle {
  if (typeof Worker === "undefined" || typeof URL.createObjectURL !== "function") throw new Error("this app has no Web Workers");
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const worker = new Worker(url, { name: "bitacora-decode" });
  const terminate = worker.terminate.bind(worker);
  worker.terminate = () => {
    terminate();
    URL.revokeObjectURL(url);
  };
  return worker as unknown as DecodeWorkerHandle;
}
