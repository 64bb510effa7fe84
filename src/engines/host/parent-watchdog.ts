import { Worker } from "node:worker_threads";

/**
 * Runs on its own thread, so native work (whisper.cpp, ONNX Runtime) that blocks the host's
 * main thread cannot delay it. The parent is gone when we were re-parented (POSIX) or its PID no
 * longer exists (Windows keeps the old ppid).
 */
const WATCHDOG_SOURCE = `
const { workerData } = require("node:worker_threads");
const { parentPid, intervalMs } = workerData;
function parentGone() {
  if (process.ppid !== parentPid) return true;
  try {
    process.kill(parentPid, 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH";
  }
}
setInterval(() => {
  if (parentGone()) process.kill(process.pid, "SIGKILL");
}, intervalMs);
`;

/**
 * Ends this process within `intervalMs` of its parent's death, even while the main thread is
 * stuck in native code (the IPC "disconnect" event alone waits for the main thread).
 */
export function exitWithParent(intervalMs = 250): Worker {
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: { parentPid: process.ppid, intervalMs },
    // The watchdog holds a few numbers: a small heap (the thread costs about 10 MB of RSS).
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 },
    stdout: false,
    stderr: false,
  });
  // Should the watchdog ever fail, the IPC "disconnect" handler remains; never crash the host for it.
  worker.on("error", () => undefined);
  worker.unref();
  return worker;
}
