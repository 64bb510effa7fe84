/**
 * Bitácora's own whisper.cpp addon (native/whisper-addon), built from source by `npm ci`'s
 * postinstall step, run for real with whisper.cpp's weightless test model: loading, errors,
 * progress, abort, timeout and the CPU code it was compiled with. The weightless model emits no
 * words, so no transcript text is asserted here (the stand-in engine tests do that).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { AddonWhisperEngine } from "../../../src/engines/whisper/addon-whisper-engine";
import { engineFor } from "../../../src/engines/whisper/transcription-processor";
import { loadWhisperAddon } from "../../../src/engines/whisper/whisper-addon-loader";
import { WEIGHTLESS_TINY, whisperEngineContract } from "../../support/whisper-engine-contract";

jest.setTimeout(180_000);

const addon = loadWhisperAddon();

test("the addon was built by npm ci and loads in Node", () => {
  if (!addon.ok) throw new Error(`the addon did not load: ${addon.reason}`);
  expect(addon.module.version()).toMatch(/^1\.\d+\.\d+/);
});

test("it is compiled for this CPU: every vector extension the CPU has is on in ggml", () => {
  if (!addon.ok) throw new Error(addon.reason);
  const info = addon.module.systemInfo();
  const cpuFlags = readFileSync("/proc/cpuinfo", "utf8").match(/^flags\s*:(.*)$/m)?.[1].trim().split(/\s+/) ?? [];
  // The point of the addon: the prebuilt binding's linux-x64 binary has none of these.
  if (cpuFlags.includes("avx2")) expect(info).toContain("AVX2 = 1");
  if (cpuFlags.includes("fma")) expect(info).toContain("FMA = 1");
  if (cpuFlags.includes("avx512f")) expect(info).toContain("AVX512 = 1");
});

test("engineFor picks the addon when no whisper.cpp program is set", () => {
  expect(engineFor(WEIGHTLESS_TINY).description).toMatch(/Bitácora's addon/);
  expect(engineFor(WEIGHTLESS_TINY, "/opt/whisper-cli").description).toMatch(/CLI/);
});

whisperEngineContract((modelPath) => new AddonWhisperEngine({ modelPath }), { detectThreads: 2 });

describe("which build the packaged plugin loads", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the addon's own plain-JS chooser
  const { candidateBuilds } = require("../../../native/whisper-addon/choose-build") as {
    candidateBuilds: (dir: string, machine: { platform: string; arch: string; cpuFlags: Set<string> }) => string[];
  };
  const names = (platform: string, arch: string, flags: string) =>
    candidateBuilds("/b", { platform, arch, cpuFlags: new Set(flags.split(" ").filter(Boolean)) }).map((file) => path.relative("/b", path.dirname(file)));

  test("an AVX-512 CPU tries its own build, then Skylake-X, Haswell and the baseline", () => {
    expect(names("linux", "x64", "sse4_2 avx avx2 fma f16c bmi2 avx512f avx512cd avx512vl avx512dq avx512bw")).toEqual([
      "native",
      "portable/linux-x64-skylakex",
      "portable/linux-x64-haswell",
      "portable/linux-x64-x64",
    ]);
  });

  test("an AVX2 CPU without AVX-512 never gets the AVX-512 build", () => {
    expect(names("linux", "x64", "avx avx2 fma f16c bmi2 avx512f")).toEqual(["native", "portable/linux-x64-haswell", "portable/linux-x64-x64"]);
  });

  test("a CPU without AVX2 (or with unknown flags, as off Linux) gets only the baseline", () => {
    expect(names("linux", "x64", "sse4_2 avx")).toEqual(["native", "portable/linux-x64-x64"]);
    expect(names("win32", "x64", "")).toEqual(["native", "portable/win32-x64-x64"]);
  });

  test("arm64 has one generic build", () => {
    expect(names("darwin", "arm64", "")).toEqual(["native", "portable/darwin-arm64"]);
  });
});
