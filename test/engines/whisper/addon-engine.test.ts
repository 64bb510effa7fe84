/**
 * Bitácora's own whisper.cpp addon (native/whisper-addon), built from source by `npm ci`'s
 * postinstall step, run for real with whisper.cpp's weightless test model: loading, errors,
 * progress, abort, timeout and the CPU code it was compiled with. The weightless model emits no
 * words, so no transcript text is asserted here (the stand-in engine tests do that).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AddonWhisperEngine } from "../../../src/engines/whisper/addon-whisper-engine";
import { decodeWav16, encodeWav16 } from "../../../src/engines/whisper/pcm-wav";
import { engineFor } from "../../../src/engines/whisper/transcription-processor";
import { loadWhisperAddon } from "../../../src/engines/whisper/whisper-addon-loader";

jest.setTimeout(180_000);
const SHARED = path.resolve(__dirname, "../../../../shared/testdata");
const WEIGHTLESS_TINY = path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin");
const jfk = decodeWav16(readFileSync(path.join(SHARED, "speech_en/jfk.wav"))).pcm;

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

test("a missing model file is a no-model error", async () => {
  const engine = new AddonWhisperEngine({ modelPath: "/nowhere/ggml-base.bin" });
  await expect(engine.transcribe(jfk, { language: "en", threads: 1 })).rejects.toMatchObject({ code: "no-model" });
});

test("a file that is not a ggml model is a no-model error, not a crash", async () => {
  const bogus = path.join(mkdtempSync(path.join(tmpdir(), "bitacora-model-")), "ggml-base.bin");
  writeFileSync(bogus, encodeWav16(jfk.subarray(0, 16000), 16000));
  const engine = new AddonWhisperEngine({ modelPath: bogus });
  const error = await engine.transcribe(jfk, { language: "en", threads: 1 }).catch((e) => e);
  expect(error).toMatchObject({ code: "no-model" });
  expect(error.message).toContain("could not be loaded");
});

describe("with the weightless model", () => {
  const engine = new AddonWhisperEngine({ modelPath: WEIGHTLESS_TINY });
  afterAll(() => engine.dispose());

  test("real whisper.cpp runs end to end: language, segments, progress from 0 to 1", async () => {
    const progress: number[] = [];
    const result = await engine.transcribe(jfk, { language: "en", threads: 2, initialPrompt: "Grafana, Kubernetes", onProgress: (f) => progress.push(f) });
    expect(result.language).toBe("en");
    expect(Array.isArray(result.segments)).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(progress[progress.length - 1]).toBe(1);
  });

  test("language auto: whisper.cpp detects one and says which", async () => {
    const result = await engine.transcribe(jfk.subarray(0, 16000 * 3), { language: "auto", threads: 2 });
    expect(result.language).toMatch(/^[a-z]{2,3}$/);
  });

  test("abort stops whisper.cpp inside the call; the model stays usable", async () => {
    const controller = new AbortController();
    const pending = engine.transcribe(jfk, { language: "en", threads: 2, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(pending).rejects.toMatchObject({ code: "cancelled" });
    // The native call has really ended: the same model takes the next chunk at once.
    const next = await engine.transcribe(jfk.subarray(0, 16000 * 2), { language: "en", threads: 2 });
    expect(Array.isArray(next.segments)).toBe(true);
  });

  test("an already aborted signal never starts whisper.cpp", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.transcribe(jfk, { language: "en", threads: 1, signal: controller.signal })).rejects.toMatchObject({ code: "cancelled" });
  });
});

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
