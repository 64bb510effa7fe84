/**
 * The engine client against a real child process that is blocked on purpose
 * (test/fixtures/engine-hosts/blocked-engine-host.cjs): time limits and cancels do not depend
 * on how fast a model runs on this machine.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS } from "../../../src/core/processing/engine-options";
import { EngineClient } from "../../../src/engines/host/engine-client";

const BLOCKED_HOST = path.resolve(__dirname, "../../fixtures/engine-hosts/blocked-engine-host.cjs");
const job = { path: "a.wav", absPath: "/nonexistent/a.wav", kind: "audio" as const };

/** This test process's blocked hosts that are still running (zombies are not counted). */
function blockedHosts(): number[] {
  const out = execFileSync("ps", ["-o", "pid=,stat=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => line.includes("blocked-engine-host") && !/^\s*\d+\s+Z/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function untilNoBlockedHost(): Promise<void> {
  while (blockedHosts().length > 0) await new Promise((resolve) => setImmediate(resolve));
}

test("a job over its time limit fails with a timeout and the host that ignores the stop is killed", async () => {
  const client = new EngineClient({ hostScript: BLOCKED_HOST, cancelGraceMs: 0 });
  try {
    const error = await client.process(job, { ...DEFAULT_ENGINE_OPTIONS, timeoutSec: 0.01 }, new AbortController().signal).catch((e) => e);
    expect(error).toMatchObject({ code: "timeout" });
    expect(error.message).toContain("longer than 0.01 s");
    await untilNoBlockedHost();
  } finally {
    client.dispose();
  }
});

test("a cancel fails the job at once; a host that does not stop is killed and the next job gets a new one", async () => {
  const client = new EngineClient({ hostScript: BLOCKED_HOST, cancelGraceMs: 0 });
  try {
    const controller = new AbortController();
    const first = client.process(job, DEFAULT_ENGINE_OPTIONS, controller.signal).catch((e) => e);
    const [firstHost] = blockedHosts();
    controller.abort();
    expect(await first).toMatchObject({ code: "cancelled" });
    await untilNoBlockedHost();
    const second = new AbortController();
    const next = client.process(job, DEFAULT_ENGINE_OPTIONS, second.signal).catch((e) => e);
    const hosts = blockedHosts();
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).not.toBe(firstHost);
    second.abort();
    expect(await next).toMatchObject({ code: "cancelled" });
  } finally {
    client.dispose();
  }
});

test("cancelling a stuck job does not fail the next one: it waits for the kill and runs in a new host", async () => {
  const client = new EngineClient({ hostScript: path.resolve(__dirname, "../../fixtures/engine-hosts/one-at-a-time-engine-host.cjs"), cancelGraceMs: 50 });
  try {
    const controller = new AbortController();
    const stuck = client.process({ ...job, path: "stuck.wav" }, DEFAULT_ENGINE_OPTIONS, controller.signal).catch((e) => e);
    controller.abort();
    expect(await stuck).toMatchObject({ code: "cancelled" });
    // Sent to the old host, it would wait behind the stuck job and die with it (engine-crashed).
    await expect(client.process(job, DEFAULT_ENGINE_OPTIONS, new AbortController().signal)).resolves.toEqual({ kind: "audio" });
  } finally {
    client.dispose();
  }
});
