/**
 * Whisper as WebAssembly (vendor/whisper-wasm) against the native addon and whisper.cpp's own CLI,
 * in the same run, on the same audio, models and threads (issue #10: target ≤ 3× the addon at
 * 2 threads; single-thread WASM reported too). Every engine run includes loading the model, as
 * the CLI's does; the WASM runtime itself (compile + worker pool) is started once and reported
 * apart. Rounds alternate the order so a busy moment on the shared cores does not hit one side.
 * Quantized models (q8_0, q5_1) are made from the weightless f16 model with whisper.cpp's own
 * quantize tool, built once from the same source tree as the CLI (bench/.cache).
 *
 *   npm run bench:whisper-wasm -- [--audio file.wav] [--threads 2] [--runs 3] [--types f16,q8_0,q5_1] [--wasm-dir DIR]
 */
import { loadavg } from "node:os";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { AddonWhisperEngine } from "../../src/engines/whisper/addon-whisper-engine";
import { decodeWav16 } from "../../src/engines/whisper/pcm-wav";
import { WasmWhisperEngine } from "../../src/engines/whisper/wasm-whisper-engine";
import { whisperWasmDir } from "../../src/engines/whisper/wasm/whisper-wasm-location";
import { WhisperWasmRuntime } from "../../src/engines/whisper/wasm/whisper-wasm-runtime";
import type { WhisperEngine } from "../../src/engines/whisper/whisper-port";
import { loadWhisperAddon } from "../../src/engines/whisper/whisper-addon-loader";
import { argValue, CACHE, median, modelDescription, SHARED, WEIGHTLESS_TINY, writeResult } from "./bench-common";
import { ensureReferenceCli } from "./reference-cli";

const audioPath = path.resolve(argValue("audio", path.join(SHARED, "speech_en/jfk.wav")));
const threads = Number(argValue("threads", "2"));
const runs = Number(argValue("runs", "3"));
const types = argValue("types", "q8_0,q5_1,f16").split(",");
const wasmDir = path.resolve(argValue("wasm-dir", whisperWasmDir()));
const language = "en";

/** whisper.cpp's quantize tool from the CLI's build tree (built with it by reference-cli.ts's cmake). */
function quantized(type: string): string {
  if (type === "f16") return WEIGHTLESS_TINY;
  const target = path.join(CACHE, `for-tests-ggml-tiny-${type}.bin`);
  if (existsSync(target)) return target;
  const tool = path.join(path.dirname(ensureReferenceCli()), "whisper-quantize");
  if (!existsSync(tool)) {
    const build = spawnSync("cmake", ["--build", path.join(CACHE, "whisper-cpp-1.9.1/build"), "-j", "2", "--target", "whisper-quantize"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("building whisper-quantize failed");
  }
  const result = spawnSync(tool, [WEIGHTLESS_TINY, target, type], { stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`quantize ${type} failed: ${result.stderr.toString().slice(-400)}`);
  return target;
}

function runCli(cli: string, modelPath: string): number {
  const t0 = performance.now();
  const args = ["-m", modelPath, "-f", audioPath, "-t", String(threads), "-l", language, "-bs", "1", "-bo", "5", "-nfa", "-ng", "-np"];
  const result = spawnSync(cli, args, { stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`whisper-cli failed: ${result.stderr.toString().slice(-500)}`);
  return performance.now() - t0;
}

async function runEngine(engine: WhisperEngine, pcm: Float32Array, engineThreads: number): Promise<number> {
  const t0 = performance.now();
  await engine.transcribe(pcm, { language, threads: engineThreads });
  await engine.dispose();
  return performance.now() - t0;
}

async function main() {
  const loadAtStart = Number(loadavg()[0].toFixed(2));
  const addon = loadWhisperAddon();
  if (!addon.ok) throw new Error(`Bitácora's whisper addon is not built (npm run build:whisper-addon): ${addon.reason}`);
  const cli = ensureReferenceCli();
  const pcm = decodeWav16(readFileSync(audioPath)).pcm;
  const t0 = performance.now();
  const runtime = await WhisperWasmRuntime.load(wasmDir);
  const runtimeStartMs = Math.round(performance.now() - t0);
  const buildInfo = JSON.parse(readFileSync(path.join(wasmDir, "build-info.json"), "utf8")) as { link: string[]; files: Record<string, { sha256: string; bytes: number }> };
  const perType: Record<string, unknown> = {};
  for (const type of types) {
    const modelPath = quantized(type);
    const times = { cli: [] as number[], addon: [] as number[], wasm: [] as number[], wasm1Thread: [] as number[] };
    const wasmEngine = () => new WasmWhisperEngine({ modelPath, runtime: async () => runtime });
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? ["cli", "addon", "wasm", "wasm1"] : ["wasm1", "wasm", "addon", "cli"];
      for (const which of order) {
        if (which === "cli") times.cli.push(runCli(cli, modelPath));
        if (which === "addon") times.addon.push(await runEngine(new AddonWhisperEngine({ modelPath }), pcm, threads));
        if (which === "wasm") times.wasm.push(await runEngine(wasmEngine(), pcm, threads));
        if (which === "wasm1") times.wasm1Thread.push(await runEngine(wasmEngine(), pcm, 1));
      }
      console.log(`${type} run ${run + 1}/${runs}:`, Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v[v.length - 1])])));
    }
    const paired = (engine: number[], base: number[]) => round(median(engine.map((ms, i) => ms / base[i])));
    perType[type] = {
      model: type === "f16" ? modelDescription(modelPath) : `${type} of the weightless tiny model (whisper-quantize)`,
      medianMs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v))])),
      wasmVsAddon: paired(times.wasm, times.addon),
      wasm1ThreadVsAddon: paired(times.wasm1Thread, times.addon),
      addonVsCli: paired(times.addon, times.cli),
      wasmMeetsTarget: paired(times.wasm, times.addon) <= 3,
      rawMs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map(Math.round)])),
    };
  }
  runtime.terminate();
  writeResult("whisper-wasm", {
    loadAverage1mAtStart: loadAtStart,
    benchmark: "Whisper as WebAssembly vs the native addon vs whisper-cli, same run, audio, model and threads",
    target: { wasmVsAddon: 3, meaning: "WASM wall time / addon wall time ≤ 3 at 2 threads (median of per-round ratios)" },
    byModelType: perType,
    wasm: {
      what: `WasmWhisperEngine: ${runtime.systemInfo.trim()}`,
      build: buildInfo.link.join(" "),
      wasmSha256: buildInfo.files["whisper-wasm.wasm"]?.sha256,
      runtimeStartMs,
    },
    addon: `AddonWhisperEngine: ${new AddonWhisperEngine({ modelPath: WEIGHTLESS_TINY }).description}`,
    cli: "whisper.cpp 1.9.1 whisper-cli (same source tree, cmake Release, GGML_NATIVE on), -nfa -ng -bs 1 -bo 5",
    audio: path.basename(audioPath),
    threads,
    runs,
    nodeFlags: process.execArgv,
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
