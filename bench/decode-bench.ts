/**
 * Benchmark 1 (issue 3): decode + resample the same 10-minute .webm (Opus) and .m4a (AAC) to
 * 16 kHz mono float, against `ffmpeg -i f -ac 1 -ar 16000 -f f32le -` on the same files in the
 * same run. Target: ≥ 200× real time and no slower than ffmpeg by more than 2×.
 * Needs ffmpeg (to make the files and as the reference); the tests never do.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { decodeToPcm16kMono, streamPcm16kMono } from "../src/engines/audio";
import { decodePortablePcm16kMono } from "../src/engines/audio/portable-audio-decoder";
import { ffmpeg, machineInfo, makeSources, median, SECONDS, work } from "./decode-vad-common";

const root = process.env.BITACORA_ROOT ?? process.cwd();
const RUNS = 3;

function ffmpegDecode(file: string): Promise<{ ms: number; samples: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("ffmpeg", ["-loglevel", "error", "-i", file, "-ac", "1", "-ar", "16000", "-f", "f32le", "-"], { stdio: ["ignore", "pipe", "inherit"] });
    let bytes = 0;
    child.stdout.on("data", (chunk: Buffer) => (bytes += chunk.length));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve({ ms: performance.now() - started, samples: bytes / 4 }) : reject(new Error(`ffmpeg exited ${code}`))));
  });
}

async function ours(file: string, isolation: "in-thread" | "worker"): Promise<{ ms: number; samples: number }> {
  const started = performance.now();
  const decoded = await decodeToPcm16kMono(file, { isolation, workerScript: isolation === "worker" ? join(root, ".tmp", "audio-decode-worker.js") : undefined });
  return { ms: performance.now() - started, samples: decoded.samples.length };
}

/**
 * Peak memory of a fresh process that decodes `file` either streaming (blocks dropped as they
 * come, as the transcriber does) or whole. Run as a child of this bench: `--memory-probe mode file`.
 */
async function memoryProbe(mode: string, file: string): Promise<void> {
  let seconds = 0;
  const started = performance.now();
  if (mode === "stream") {
    for await (const block of streamPcm16kMono(file, { isolation: "in-thread" })) seconds += block.samples.length / 16000;
  } else {
    seconds = (await decodeToPcm16kMono(file, { isolation: "in-thread" })).durationSec;
  }
  const realTimeFactor = (seconds * 1000) / (performance.now() - started);
  console.log(JSON.stringify({ seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, realTimeFactor }));
}

function peakRssMiB(mode: "stream" | "whole", file: string): { seconds: number; maxRssMiB: number; realTimeFactor: number } {
  const child = spawnSync(process.execPath, [process.argv[1], "--memory-probe", mode, file], { encoding: "utf8", env: process.env });
  if (child.status !== 0) throw new Error(`memory probe failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as { seconds: number; maxRssMiB: number; realTimeFactor: number };
  return { seconds: round(result.seconds), maxRssMiB: round(result.maxRssMiB), realTimeFactor: round(result.realTimeFactor, 0) };
}

/** An hour of the same speech (the 10-minute WAV six times), for the memory check only. */
function makeHour(kind: "webm" | "m4a"): string {
  const list = join(work, "hour-list.txt");
  writeFileSync(list, Array.from({ length: 6 }, () => `file '${join(work, "speech-10min.wav")}'`).join("\n"));
  const out = join(work, `speech-60min.${kind}`);
  if (existsSync(out)) return out;
  const codec = kind === "webm" ? ["-c:a", "libopus", "-b:a", "32k", "-ar", "48000"] : ["-c:a", "aac", "-b:a", "64k", "-ar", "44100"];
  ffmpeg(["-f", "concat", "-safe", "0", "-i", list, ...codec, out]);
  return out;
}

function memory(tenMinutes: string, kind: "webm" | "m4a") {
  const hour = makeHour(kind);
  return {
    what: "peak RSS (maxRSS) of a fresh Node process decoding the file in-thread (one cold run, so its speed includes start-up)",
    tenMinutes: { stream: peakRssMiB("stream", tenMinutes), whole: peakRssMiB("whole", tenMinutes) },
    oneHour: { stream: peakRssMiB("stream", hour), whole: peakRssMiB("whole", hour) },
  };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The portable host's decoder (main.js's engine host: WebAssembly and TypeScript codecs only), in-thread as the host runs it. */
async function portable(file: string): Promise<{ ms: number; samples: number }> {
  const started = performance.now();
  const decoded = await decodePortablePcm16kMono(file);
  return { ms: performance.now() - started, samples: decoded.samples.length };
}

async function measure(file: string, withPortable: boolean) {
  await ours(file, "in-thread"); // warm-up (wasm compile, native module load, page cache)
  if (withPortable) await portable(file);
  await ffmpegDecode(file);
  const runs = { inThread: [] as number[], worker: [] as number[], ffmpeg: [] as number[], portableHost: [] as number[] };
  let samples = { ours: 0, ffmpeg: 0, portableHost: 0 };
  for (let i = 0; i < RUNS; i++) {
    const a = await ours(file, "in-thread");
    const b = await ours(file, "worker");
    const c = await ffmpegDecode(file);
    const d = withPortable ? await portable(file) : undefined;
    runs.inThread.push(a.ms);
    runs.worker.push(b.ms);
    runs.ffmpeg.push(c.ms);
    if (d) runs.portableHost.push(d.ms);
    samples = { ours: a.samples, ffmpeg: c.samples, portableHost: d?.samples ?? 0 };
  }
  const portableMs = withPortable ? median(runs.portableHost) : undefined;
  const oursMs = median(runs.worker); // the default path: decoding in the killable worker thread
  const ffmpegMs = median(runs.ffmpeg);
  const realTime = (ms: number) => round((SECONDS * 1000) / ms, 0);
  return {
    measured: {
      realTimeFactor: realTime(oursMs),
      inThreadRealTimeFactor: realTime(median(runs.inThread)),
      slowerThanFfmpegBy: round(oursMs / ffmpegMs, 2),
      meetsTarget: realTime(oursMs) >= 200 && oursMs / ffmpegMs <= 2,
      ...(portableMs !== undefined
        ? { portableHost: { what: "decodePortablePcm16kMono, the portable host's decoder (main.js), in-thread", realTimeFactor: realTime(portableMs), target: 100, meetsTarget: realTime(portableMs) >= 100 } }
        : {}),
    },
    reference: { what: "ffmpeg -i f -ac 1 -ar 16000 -f f32le - (Debian ffmpeg, same file, same run)", realTimeFactor: realTime(ffmpegMs), medianMs: round(ffmpegMs) },
    medianMs: { worker: round(oursMs), inThread: round(median(runs.inThread)), ffmpeg: round(ffmpegMs), ...(portableMs !== undefined ? { portableHost: round(portableMs) } : {}) },
    outputSeconds: { ours: round(samples.ours / 16000, 3), ffmpeg: round(samples.ffmpeg / 16000, 3), ...(withPortable ? { portableHost: round(samples.portableHost / 16000, 3) } : {}) },
    rawMs: runs,
  };
}

async function main() {
  if (process.argv[2] === "--memory-probe") return memoryProbe(process.argv[3], process.argv[4]);
  const loadAtStart = Number(loadavg()[0].toFixed(2));
  const { webm, m4a } = makeSources();
  const result = {
    name: "audio-decode",
    date: new Date().toISOString(),
    machine: { ...machineInfo(), loadAverage1m: { atStart: loadAtStart, atEnd: 0 } },
    benchmark: "1. Decode + resample a 10-minute recording to 16 kHz mono float32",
    target: { realTimeFactor: 200, maxSlowerThanFfmpeg: 2, meaning: "≥ 200× real time, and wall time ≤ 2 × ffmpeg's on the same file" },
    input: { seconds: SECONDS, source: "testdata speech_es + speech_en clips, repeated", webm: "Opus 32 kb/s 48 kHz mono (libopus)", m4a: "AAC-LC 64 kb/s 44.1 kHz mono (ffmpeg aac)" },
    how: "median of 3 runs after a warm-up, alternating; ours = decodeToPcm16kMono in its worker thread (the native host's default), inThread for comparison; portableHost = the decoder of main.js's engine host (webm only)",
    webm: { ...(await measure(webm, true)), memory: memory(webm, "webm") },
    // The portable host decodes AAC in Obsidian's renderer (WebCodecs), which a Node bench has not.
    m4a: { ...(await measure(m4a, false)), memory: memory(m4a, "m4a") },
  };
  result.machine.loadAverage1m.atEnd = Number(loadavg()[0].toFixed(2)); // after the measurements above
  const out = join(root, "bench", "results", "decode.json");
  writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  console.log(JSON.stringify({ webm: result.webm.measured, webmRef: result.webm.reference, m4a: result.m4a.measured, m4aRef: result.m4a.reference, webmMemory: result.webm.memory, m4aMemory: result.m4a.memory }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
