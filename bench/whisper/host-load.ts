/**
 * Benchmarks 4 and 5 (issue 3), one run: a 10-minute recording goes through the engine client
 * and the real engine host child process (decode → VAD → chunks → whisper.cpp).
 *  4. event-loop delay p99 in the parent (where Obsidian's UI would run), target ≤ 20 ms;
 *     reference: the same process idle, measured just before.
 *  5. peak RSS of the engine child, target ≤ the model's own memory + 200 MB; reference:
 *     whisper.cpp's own CLI peak RSS with the same model on one 30 s window.
 *
 *   npm run bench:eventloop -- [--model ggml-base.bin] [--threads 2] [--cli path/to/whisper-cli]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { DEFAULT_ENGINE_OPTIONS } from "../../src/core/processing/engine-options";
import { EngineClient } from "../../src/engines/host/engine-client";
import { AddonWhisperEngine } from "../../src/engines/whisper/addon-whisper-engine";
import { decodeWav16, encodeWav16 } from "../../src/engines/whisper/pcm-wav";
import { loadWhisperAddon } from "../../src/engines/whisper/whisper-addon-loader";
import { argValue, bindingVersions, CACHE, modelDescription, peakRssMb, ROOT, SHARED, WEIGHTLESS_TINY, writeResult } from "./bench-common";
import { ensureReferenceCli } from "./reference-cli";

const modelPath = path.resolve(argValue("model", WEIGHTLESS_TINY));
const threads = Number(argValue("threads", "2"));
const cliPath = argValue("cli", "");
const RATE = 16000;
/** Node's histogram records whole sampling intervals, so each value includes this 1 ms. */
const SAMPLE_MS = 1;

/** 10 minutes: six bursts of speech (JFK twice, 23 s) in quiet room noise, every 100 s. */
function tenMinuteRecording(): { path: string; speechSec: number } {
  const file = path.join(CACHE, "ten-minutes-6-bursts.wav");
  const jfk = decodeWav16(readFileSync(path.join(SHARED, "speech_en/jfk.wav"))).pcm;
  const burst = new Float32Array(jfk.length * 2 + RATE);
  burst.set(jfk, 0);
  burst.set(jfk, jfk.length + RATE);
  if (!existsSync(file)) {
    let seed = 7;
    const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 0.004;
    const pcm = new Float32Array(600 * RATE).map(noise);
    for (let k = 0; k < 6; k++) pcm.set(burst, (5 + k * 100) * RATE);
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(file, encodeWav16(pcm, RATE));
  }
  return { path: file, speechSec: (6 * burst.length) / RATE };
}

/** The engine host among this process's children (esbuild's service is a child too). */
function engineHostPid(): number | undefined {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
  const line = out.split("\n").find((row) => row.includes("engine-host.js"));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

/** whisper.cpp's own CLI on one 30 s window with this model: what the model itself needs. */
function cliPeakRssMb(): number | undefined {
  const cli = ensureReferenceCli();
  const window = path.join(CACHE, "window-30s.wav");
  const jfk = decodeWav16(readFileSync(path.join(SHARED, "speech_en/jfk.wav"))).pcm;
  const pcm = new Float32Array(30 * RATE);
  for (let offset = 0; offset < pcm.length; offset += jfk.length) pcm.set(jfk.subarray(0, Math.min(jfk.length, pcm.length - offset)), offset);
  writeFileSync(window, encodeWav16(pcm, RATE));
  const run = spawnSync("/usr/bin/time", ["-f", "peak-kb %M", cli, "-m", modelPath, "-f", window, "-t", String(threads), "-l", "en", "-nfa", "-ng", "-np"], {
    encoding: "utf8",
  });
  const match = /peak-kb (\d+)/.exec(run.stderr ?? "");
  return match ? Number(match[1]) / 1024 : undefined;
}

async function idleP99Ms(ms: number): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: SAMPLE_MS });
  histogram.enable();
  await new Promise((r) => setTimeout(r, ms));
  histogram.disable();
  return histogram.percentile(99) / 1e6;
}

async function main() {
  const recording = tenMinuteRecording();
  const idleP99 = await idleP99Ms(5000);
  const client = new EngineClient({ hostScript: path.join(ROOT, "dist/engine-host.js") });
  const histogram = monitorEventLoopDelay({ resolution: SAMPLE_MS });
  const rssSamples: number[] = [];
  let hostPid: number | undefined;
  const sampler = setInterval(() => {
    hostPid ??= engineHostPid();
    const status = hostPid ? safeRead(`/proc/${hostPid}/status`) : "";
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    if (rss) rssSamples.push(Math.round(Number(rss[1]) / 1024));
  }, 5000);
  let progressMessages = 0;
  histogram.enable();
  const t0 = performance.now();
  const findings = await client.process(
    { path: path.basename(recording.path), absPath: recording.path, kind: "audio" },
    { ...DEFAULT_ENGINE_OPTIONS, whisperModelPath: modelPath, whisperLanguage: "en", threads, timeoutSec: 7200, ...(cliPath ? { whisperCliPath: cliPath } : {}) },
    new AbortController().signal,
    () => progressMessages++,
  );
  const elapsedSec = (performance.now() - t0) / 1000;
  histogram.disable();
  clearInterval(sampler);
  const hostPeak = hostPid ? peakRssMb(hostPid) : undefined;
  client.dispose();
  const modelOwn = cliPeakRssMb();
  const p99 = histogram.percentile(99) / 1e6;
  const common = {
    model: modelDescription(modelPath),
    engine: cliPath ? `CLI ${cliPath}` : defaultEngineDescription(),
    recording: { file: path.basename(recording.path), durationSec: 600, speechSec: recording.speechSec, composition: "6 bursts of 23 s speech (jfk.wav twice) in quiet noise" },
    processingSec: Math.round(elapsedSec),
    threads,
    transcriptSegments: findings.audio?.segments?.length,
  };
  writeResult("whisper-eventloop", {
    benchmark: "4. Event-loop delay p99 in the host (parent) process while a 10-minute recording is processed",
    target: { p99Ms: 20 },
    measured: { p99Ms: round(p99), samplingIntervalMsIncluded: SAMPLE_MS, maxMs: round(histogram.max / 1e6), meanMs: round(histogram.mean / 1e6), meetsTarget: p99 <= 20, progressMessages },
    reference: { what: "same parent process idle for 5 s just before", p99Ms: round(idleP99) },
    ...common,
  });
  const target = modelOwn === undefined ? undefined : modelOwn + 200;
  writeResult("whisper-memory", {
    benchmark: "5. Peak RSS of the engine host child while the 10-minute recording is processed",
    target: { peakRssMb: target === undefined ? "model's own memory + 200 MB" : Math.round(target), rule: "model's own memory + 200 MB" },
    measured: { peakRssMb: hostPeak === undefined ? null : Math.round(hostPeak), meetsTarget: hostPeak !== undefined && target !== undefined && hostPeak <= target, rssEvery5sMb: rssSamples },
    reference: { what: "whisper.cpp 1.9.1 whisper-cli peak RSS, same model, one 30 s window (-nfa -ng)", peakRssMb: modelOwn === undefined ? null : Math.round(modelOwn) },
    ...common,
  });
}

/** What the host picks without a CLI path: the addon when built, else the prebuilt binding. */
function defaultEngineDescription(): string {
  if (loadWhisperAddon().ok) return new AddonWhisperEngine({ modelPath }).description;
  return `prebuilt @fugood/whisper.node ${bindingVersions().binding} (whisper.cpp ${bindingVersions().whisperCpp})`;
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
