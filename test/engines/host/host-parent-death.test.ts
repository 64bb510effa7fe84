/**
 * The engine host ends with its parent: the parent (a real process in the middle) is killed with
 * SIGKILL, so it cannot say goodbye, and the host must be gone soon after — also when the host's
 * main thread is blocked (as in a long whisper.cpp call), which only the watchdog thread survives.
 * Every wait is for an event (a line, a file, a pipe's end), never for a stretch of time.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { buildSync } from "esbuild";

const ROOT = path.resolve(__dirname, "../../..");

/** A process that is gone or a zombie waiting for init to reap it has stopped running. */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1][0] !== "Z";
  } catch {
    return false;
  }
}

/**
 * Starts `node <script> <args>` as the middle process; it prints the PID of the child it started.
 * The child inherits one end of a pipe from the test (through the middle), so the pipe ends
 * exactly when the child has exited: `childGone` resolves then.
 */
async function startMiddle(childScript: string, ...args: string[]) {
  const middle = spawn(process.execPath, ["-e", MIDDLE, childScript, ...args], { stdio: ["ignore", "pipe", "inherit", "pipe"] });
  const lifeline = middle.stdio[3] as Readable;
  lifeline.resume();
  const childGone = once(lifeline, "close");
  const childPid = await new Promise<number>((resolve) => middle.stdout!.once("data", (data: Buffer) => resolve(Number(String(data).trim()))));
  return { middle, childPid, childGone };
}

// Forks the child with an IPC channel (as EngineClient does), hands it the lifeline (fd 3) and
// prints its PID once it is up.
const MIDDLE = `
const { fork } = require("node:child_process");
const [script, ...args] = process.argv.slice(1);
const child = fork(script, args, { stdio: ["ignore", "ignore", "inherit", "ipc", 3] });
child.once("message", () => process.stdout.write(String(child.pid) + "\\n"));
setInterval(() => {}, 1000);
`;

/** Resolves once `file` exists (inotify through fs.watch, no polling). */
async function fileAppears(file: string): Promise<void> {
  const watcher = watch(path.dirname(file));
  try {
    while (!existsSync(file)) await once(watcher, "change");
  } finally {
    watcher.close();
  }
}

test("a host whose main thread is blocked in a long call still exits when its parent is killed", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-watchdog-"));
  const script = path.join(dir, "blocked-host.js");
  const blocked = path.join(dir, "blocked");
  buildSync({
    stdin: {
      contents: `
        import { writeFileSync } from "node:fs";
        import { exitWithParent } from ${JSON.stringify(path.join(ROOT, "src/engines/host/parent-watchdog"))};
        exitWithParent();
        process.send({ type: "ready" });
        // Blocks the main thread the way a native call does: no event, timer or IPC runs here.
        // The marker is written in the same synchronous run, so once it exists no event can
        // reach this thread any more.
        setImmediate(() => {
          writeFileSync(${JSON.stringify(blocked)}, "");
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);
        });
      `,
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    outfile: script,
    logLevel: "silent",
  });
  const { middle, childPid, childGone } = await startMiddle(script);
  await fileAppears(blocked);
  expect(running(childPid)).toBe(true);
  middle.kill("SIGKILL");
  await childGone;
  expect(running(childPid)).toBe(false);
}, 30000);

test("the real engine host exits when its parent is killed with SIGKILL", async () => {
  const host = path.join(ROOT, "dist/engine-host.js");
  if (!existsSync(host)) throw new Error("dist/engine-host.js is missing: run the build first (npm test does).");
  const { middle, childPid, childGone } = await startMiddle(host);
  expect(running(childPid)).toBe(true);
  middle.kill("SIGKILL");
  await childGone;
  expect(running(childPid)).toBe(false);
}, 30000);
