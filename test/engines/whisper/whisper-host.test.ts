/**
 * Real whisper.cpp (the engine host picks Bitácora's addon when built, else @fugood/whisper.node) in the real engine host child process
 * (dist/engine-host.js, built by `node esbuild.config.mjs production`), through decoding,
 * Silero VAD and chunking, with whisper.cpp's weightless test model: plumbing, progress
 * and cancel are real (the time limit is tested with a host blocked on purpose: test/engines/host); the words it prints are meaningless, so none are asserted.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { EngineOptions } from "../../../src/core/processing/engine-options";
import { EngineClient } from "../../../src/engines/host/engine-client";
import { audioJob as job, HOST, JFK, transcribeJfkInHost, transcribingAdvances, whisperOptions as options } from "../../support/whisper-host-job";

jest.setTimeout(240_000);
/** whisper.cpp's own CLI, when built into bench/.cache (docs/engines.md "Reproducing"). */
const REAL_CLI = path.resolve(__dirname, "../../../bench/.cache/whisper-cpp-1.9.1/build/bin/whisper-cli");

/** This test process's engine hosts (other children, e.g. `ps` itself, are not counted). */
function childPids(): number[] {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => line.includes("engine-host.js"))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .filter((pid) => pid > 0);
}
/** CPU ticks (user + system) a process has used so far, or null once it is gone. */
const cpuTicks = (pid: number): number | null => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
};

/** Some thread of the process is on a CPU right now (state R). */
const threadRunning = (pid: number) => {
  try {
    return readdirSync(`/proc/${pid}/task`).some((tid) => readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8").split(") ")[1]?.[0] === "R");
  } catch {
    return false;
  }
};

/** Running, not a zombie waiting to be reaped (a killed process that has done no work since). */
const alive = (pid: number) => {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
    return state !== undefined && state !== "Z" && state !== "X";
  } catch {
    return false;
  }
};

test("a recording goes through decode, VAD and real whisper.cpp; progress reaches the transcription stage", async () => {
  const { findings, reports } = await transcribeJfkInHost(options());
  expect(findings.audio?.durationSec).toBeCloseTo(11, 0);
  expect(findings.audio?.language).toBe("en");
  // Weightless model: whisper.cpp runs end to end but emits no real words.
  expect(Array.isArray(findings.audio?.segments)).toBe(true);
  expect(typeof findings.audio?.transcript).toBe("string");
  expect(findings.audio?.noSpeech).toBe((findings.audio?.transcript ?? "") === "");
  expect(reports.map((r) => r.stage)).toEqual(expect.arrayContaining(["Reading audio metadata", "Finding speech", "Transcribing"]));
  const fractions = reports.map((r) => r.fraction ?? 0);
  expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  // Transcription's share of the pipeline ends complete: its last report is the highest so far.
  expect(transcribingAdvances(reports)).toBe(true);
});

(existsSync(REAL_CLI) ? test : test.skip)("the opt-in whisper.cpp CLI engine runs the same pipeline in the host", async () => {
  const client = new EngineClient({ hostScript: HOST });
  try {
    const findings = await client.process(job(JFK), { ...options(), whisperCliPath: REAL_CLI } as EngineOptions, new AbortController().signal);
    expect(findings.audio?.language).toBe("en");
    expect(Array.isArray(findings.audio?.segments)).toBe(true);
  } finally {
    client.dispose();
  }
});

test("cancel during whisper.cpp: the job fails at once and the engine's CPU work stops", async () => {
  // The client's default grace (700 ms): the binding's stop flag is only read between decoding windows, so the
  // client kills the host when the native call has not returned by then. No time bound is asserted (that would
  // race the machine's speed); the times are printed, and benchmark runs watch them.
  const client = new EngineClient({ hostScript: HOST });
  const controller = new AbortController();
  try {
    let transcribing!: () => void;
    const started = new Promise<void>((resolve) => (transcribing = resolve));
    const result = client
      .process(job(JFK), options(), controller.signal, (r) => r.stage === "Transcribing" && transcribing())
      .catch((e) => e);
    await started;
    const hosts = childPids();
    expect(hosts.length).toBeGreaterThan(0);
    const t0 = performance.now();
    controller.abort();
    const error = await result;
    const rejectedMs = performance.now() - t0;
    expect(error).toMatchObject({ code: "cancelled" });
    // Stopped = the host is gone (killed after the grace period), or it answered the cancel itself
    // and burns no more CPU (whisper.cpp returned at a window boundary; the host stays for reuse).
    // Polled without a time bound (jest's timeout is the only limit): idle for 50 polls in a row.
    for (let idlePolls = 0; idlePolls < 50; ) {
      const before = hosts.map(cpuTicks);
      await new Promise((r) => setImmediate(r));
      idlePolls = hosts.every((pid, i) => !alive(pid) || (!threadRunning(pid) && cpuTicks(pid) === before[i])) ? idlePolls + 1 : 0;
    }
    console.log(`cancel: job rejected after ${rejectedMs.toFixed(0)} ms, engine work stopped after ${(performance.now() - t0).toFixed(0)} ms`);
  } finally {
    client.dispose();
  }
});

test("no model configured or downloaded: a no-model error that says how to get one", async () => {
  const client = new EngineClient({ hostScript: HOST });
  try {
    const error = await client.process(job(JFK), options({ whisperModelPath: undefined }), new AbortController().signal).catch((e) => e);
    expect(error).toMatchObject({ code: "no-model" });
    expect(error.message).toContain("Download Whisper model");
    expect(error.message).toMatch(/model path/i);
  } finally {
    client.dispose();
  }
});
