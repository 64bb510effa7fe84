/**
 * Issue 10: peak memory of the engine host that main.js carries, started as the plugin starts it
 * (the bootstrap reads main.js's payload into a cache folder and runs the host), while it
 * transcribes a 10-minute WebM recording with whisper.cpp in WebAssembly (2 threads; speech found
 * by loudness, as main.js ships no ONNX Runtime). Target: peak RSS ≤ the model's own memory + 300 MB.
 * "The model's own memory" is measured, not assumed: a fresh Node process that loads the same model
 * in the same WebAssembly build and transcribes one 30 s window (its maxRSS).
 * RSS is sampled every 250 ms over the host's whole process tree (/proc/<pid>/status VmRSS; the
 * whisper.cpp pthreads and the decoder are threads of that process), and VmHWM is read at the end.
 *   npm run build && npm run bench:portable-memory -- [--model file.bin] [--threads 2]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS } from "../../src/core/processing/engine-options";
import { EngineClient } from "../../src/engines/host/engine-client";
import { createWasmWhisperEngine } from "../../src/engines/whisper/wasm-whisper-engine";
import { makeSources } from "../decode-vad-common";
import { argValue, modelDescription, ROOT, WEIGHTLESS_TINY, writeResult } from "./bench-common";

const modelPath = path.resolve(argValue("model", WEIGHTLESS_TINY));
const threads = Number(argValue("threads", "2"));
const HEADROOM_MB = 300;
const kB = (status: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
const read = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

/** The process and every descendant (Linux /proc). */
function tree(pid: number): number[] {
  const children = read(`/proc/${pid}/task/${pid}/children`).trim().split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children.flatMap(tree)];
}

/** The bootstrap string the plugin passes with -e, built as esbuild.config.mjs builds it. */
async function bootstrap(): Promise<string> {
  // esbuild from node_modules at run time: run-ts.mjs bundles this file, and esbuild cannot be bundled.
  const esbuild = createRequire(path.join(ROOT, "package.json"))("esbuild") as typeof import("esbuild");
  const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
  const result = await esbuild.build({ entryPoints: [path.join(ROOT, "src/engines/payload/host-bootstrap.ts")], bundle: true, platform: "node", format: "cjs", target: "es2022", minify: true, external, write: false, logLevel: "warning" });
  return result.outputFiles[0].text;
}

/** Child mode: the WebAssembly engine alone, this model, one 30 s window; prints maxRSS in MB. */
async function modelProbe(): Promise<void> {
  const engine = createWasmWhisperEngine(modelPath);
  const window = new Float32Array(30 * 16000).map((_, i) => Math.sin(i / 20) * 0.1);
  await engine.transcribe(window, { language: "es", threads });
  console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  await engine.dispose();
  process.exit(0);
}

async function main(): Promise<void> {
  if (process.argv.includes("--model-probe")) return modelProbe();
  const loadAtStart = Number(loadavg()[0].toFixed(2));
  const { webm } = makeSources();
  const cacheRoot = mkdtempSync(path.join(tmpdir(), "bitacora-portable-memory-"));
  const client = new EngineClient({ embedded: { bootstrap: await bootstrap(), mainJs: path.join(ROOT, "main.js"), cacheRoot } });
  const samples: number[] = [];
  let hostPid: number | undefined;
  let hwmMb = 0;
  const sampler = setInterval(() => {
    hostPid ??= (client as unknown as { child: { pid?: number } | null }).child?.pid;
    if (!hostPid) return;
    const statuses = tree(hostPid).map((pid) => read(`/proc/${pid}/status`));
    samples.push(statuses.reduce((sum, status) => sum + kB(status, "VmRSS"), 0) / 1024);
    hwmMb = Math.max(hwmMb, kB(statuses[0], "VmHWM") / 1024);
  }, 250);
  const started = performance.now();
  const findings = await client.process(
    { path: path.basename(webm), absPath: webm, kind: "audio" },
    { ...DEFAULT_ENGINE_OPTIONS, whisperModelPath: modelPath, whisperLanguage: "es", threads, timeoutSec: 7200 },
    new AbortController().signal,
    () => undefined,
  );
  const processingSec = (performance.now() - started) / 1000;
  clearInterval(sampler);
  client.dispose();
  rmSync(cacheRoot, { recursive: true, force: true });

  const probe = spawnSync(process.execPath, [process.argv[1], "--model-probe", "--model", modelPath, "--threads", String(threads)], { encoding: "utf8" });
  if (probe.status !== 0) throw new Error(`model probe failed: ${probe.stderr}`);
  const modelOwnMb = (JSON.parse(probe.stdout.trim().split("\n").pop()!) as { maxRssMb: number }).maxRssMb;
  const peakMb = Math.max(hwmMb, ...samples);
  const targetMb = modelOwnMb + HEADROOM_MB;
  const every5s = samples.filter((_, i) => i % 20 === 0).map(Math.round);
  writeResult("portable-host-memory", {
    benchmark: "Issue 10: peak RSS of main.js's engine host (WebAssembly engines) on a 10-minute recording",
    machineLoad: { loadAverage1mAtStart: loadAtStart, atEnd: Number(loadavg()[0].toFixed(2)) },
    target: { peakRssMb: Math.round(targetMb), rule: `the model's own memory + ${HEADROOM_MB} MB` },
    measured: { peakRssMb: Math.round(peakMb), meetsTarget: peakMb <= targetMb, rssEvery5sMb: every5s, samples: samples.length },
    model: {
      file: modelDescription(modelPath),
      fileBytes: statSync(modelPath).size,
      ownMemoryMb: Math.round(modelOwnMb),
      ownMemoryHow: "maxRSS of a fresh Node process running the same WebAssembly whisper.cpp build on this model, one 30 s window (Node itself included)",
    },
    recording: { file: "speech-10min.webm", durationSec: 600, codec: "Opus 32 kb/s 48 kHz mono (bench/decode-vad-common.ts)", speech: "continuous speech (testdata clips repeated)" },
    engine: "the engine host from main.js's payload (started by the plugin's bootstrap), whisper.cpp 1.9.1 WebAssembly (vendor/whisper-wasm), speech by loudness",
    processingSec: Math.round(processingSec),
    realTimeFactor: Math.round((600 / processingSec) * 10) / 10,
    threads,
    transcriptSegments: findings.audio?.segments?.length,
    language: findings.audio?.language,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
