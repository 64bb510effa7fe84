/**
 * The engine host ends with its parent: the parent (a real process in the middle) is killed with
 * SIGKILL, so it cannot say goodbye, and the host must be gone soon after — also when the host's
 * main thread is blocked (as in a long whisper.cpp call), which only the watchdog thread survives.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";

const ROOT = path.resolve(__dirname, "../../..");
// The watchdog polls every 250 ms; the bound is generous for a busy test machine.
const GONE_WITHIN_MS = 3000;

/** A process that is gone or a zombie waiting for init to reap it has stopped running. */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1][0] !== "Z";
  } catch {
    return false;
  }
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited <= ms; waited += 50) {
    if (!running(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** Starts `node <script> <args>` as the middle process; it prints the PID of the child it started. */
async function startMiddle(childScript: string, ...args: string[]) {
  const middle = spawn(process.execPath, ["-e", MIDDLE, childScript, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const childPid = await new Promise<number>((resolve) => middle.stdout.once("data", (data: Buffer) => resolve(Number(String(data).trim()))));
  return { middle, childPid };
}

// Forks the child with an IPC channel (as EngineClient does) and prints its PID once it is up.
const MIDDLE = `
const { fork } = require("node:child_process");
const [script, ...args] = process.argv.slice(1);
const child = fork(script, args, { stdio: ["ignore", "ignore", "inherit", "ipc"] });
child.once("message", () => process.stdout.write(String(child.pid) + "\\n"));
setInterval(() => {}, 1000);
`;

test("a host whose main thread is blocked in a long call still exits when its parent is killed", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-watchdog-"));
  const script = path.join(dir, "blocked-host.js");
  buildSync({
    stdin: {
      contents: `
        import { exitWithParent } from ${JSON.stringify(path.join(ROOT, "src/engines/host/parent-watchdog"))};
        exitWithParent();
        process.send({ type: "ready" });
        // Blocks the main thread the way a native call does: no event, timer or IPC runs here.
        setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000), 100);
      `,
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    outfile: script,
    logLevel: "silent",
  });
  const { middle, childPid } = await startMiddle(script);
  await new Promise((resolve) => setTimeout(resolve, 300)); // let it enter the blocking wait
  expect(running(childPid)).toBe(true);
  middle.kill("SIGKILL");
  expect(await goneWithin(childPid, GONE_WITHIN_MS)).toBe(true);
}, 30000);

test("the real engine host exits when its parent is killed with SIGKILL", async () => {
  const host = path.join(ROOT, "dist/engine-host.js");
  if (!existsSync(host)) throw new Error("dist/engine-host.js is missing: run the build first (npm test does).");
  const { middle, childPid } = await startMiddle(host);
  expect(running(childPid)).toBe(true);
  middle.kill("SIGKILL");
  expect(await goneWithin(childPid, GONE_WITHIN_MS)).toBe(true);
}, 30000);
