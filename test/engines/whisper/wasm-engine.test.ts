/**
 * whisper.cpp as WebAssembly (vendor/whisper-wasm, built by scripts/build-whisper-wasm.mjs and
 * committed so tests and CI need no emscripten), run for real with whisper.cpp's weightless test
 * model: loading, errors, progress, abort, timeout, threads. The weightless model emits no words,
 * so no transcript text is asserted here (the stand-in engine tests do that).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeWav16, encodeWav16 } from "../../../src/engines/whisper/pcm-wav";
import { WasmWhisperEngine } from "../../../src/engines/whisper/wasm-whisper-engine";
import { sharedWhisperWasmRuntime } from "../../../src/engines/whisper/wasm/whisper-wasm-location";

jest.setTimeout(300_000);
const REPO = path.resolve(__dirname, "../../..");
const SHARED = path.resolve(__dirname, "../../../../shared/testdata");
const WEIGHTLESS_TINY = path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin");
const jfk = decodeWav16(readFileSync(path.join(SHARED, "speech_en/jfk.wav"))).pcm;
const twoSeconds = jfk.subarray(0, 16000 * 2);

afterAll(async () => (await sharedWhisperWasmRuntime()).terminate());

test("the committed build loads in Node with SIMD128 and says which whisper.cpp it is", async () => {
  const runtime = await sharedWhisperWasmRuntime();
  expect(runtime.version).toBe("1.9.1");
  expect(runtime.systemInfo).toContain("WASM_SIMD = 1");
});

test("a missing model file is a no-model error", async () => {
  const engine = new WasmWhisperEngine({ modelPath: "/nowhere/ggml-base.bin" });
  await expect(engine.transcribe(twoSeconds, { language: "en", threads: 1 })).rejects.toMatchObject({ code: "no-model" });
});

test("a file that is not a ggml model is a no-model error that says why, and the runtime stays usable", async () => {
  const bogus = path.join(mkdtempSync(path.join(tmpdir(), "bitacora-model-")), "ggml-base.bin");
  writeFileSync(bogus, encodeWav16(twoSeconds, 16000));
  const engine = new WasmWhisperEngine({ modelPath: bogus });
  const error = await engine.transcribe(twoSeconds, { language: "en", threads: 1 }).catch((e) => e);
  expect(error).toMatchObject({ code: "no-model" });
  expect(error.message).toContain("could not be loaded");
  expect(error.message).toMatch(/bad magic/);
});

test("a runtime that cannot load is an internal error, not a crash", async () => {
  const engine = new WasmWhisperEngine({ modelPath: WEIGHTLESS_TINY, runtime: () => Promise.reject(new Error("no SharedArrayBuffer")) });
  const error = await engine.transcribe(twoSeconds, { language: "en", threads: 1 }).catch((e) => e);
  expect(error).toMatchObject({ code: "internal" });
  expect(error.message).toContain("no SharedArrayBuffer");
});

describe("with the weightless model", () => {
  const engine = new WasmWhisperEngine({ modelPath: WEIGHTLESS_TINY });
  afterAll(() => engine.dispose());

  test("real whisper.cpp runs end to end on 2 threads: language, segments, progress from 0 to 1", async () => {
    const progress: number[] = [];
    const result = await engine.transcribe(jfk, { language: "en", threads: 2, initialPrompt: "Grafana, Kubernetes", onProgress: (f) => progress.push(f) });
    expect(engine.description).toMatch(/^whisper\.cpp 1\.9\.1 via WebAssembly/);
    expect(result.language).toBe("en");
    expect(Array.isArray(result.segments)).toBe(true);
    for (const segment of result.segments) expect(segment.end).toBeLessThanOrEqual(jfk.length / 16000);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(progress[progress.length - 1]).toBe(1);
  });

  test("language auto on one thread: whisper.cpp detects one and says which", async () => {
    const result = await engine.transcribe(jfk.subarray(0, 16000 * 3), { language: "auto", threads: 1 });
    expect(result.language).toMatch(/^[a-z]{2,3}$/);
  });

  test("abort stops whisper.cpp inside the call; the model stays loaded and usable", async () => {
    const controller = new AbortController();
    const pending = engine.transcribe(jfk, { language: "en", threads: 2, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(pending).rejects.toMatchObject({ code: "cancelled" });
    const next = await engine.transcribe(twoSeconds, { language: "en", threads: 2 });
    expect(Array.isArray(next.segments)).toBe(true);
  });

  test("an already aborted signal never starts whisper.cpp", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.transcribe(jfk, { language: "en", threads: 1, signal: controller.signal })).rejects.toMatchObject({ code: "cancelled" });
  });
});

test("a plain Node process waits for its transcription: idle pthread workers do not hold it, a running job does", () => {
  // Bundled like the CLI and the benchmarks run it; nothing else keeps this process's event loop alive.
  const dir = mkdtempSync(path.join(REPO, ".tmp-wasm-"));
  try {
    const entry = path.join(dir, "entry.ts");
    writeFileSync(
      entry,
      `import { WasmWhisperEngine } from ${JSON.stringify(path.join(REPO, "src/engines/whisper/wasm-whisper-engine"))};
       const engine = new WasmWhisperEngine({ modelPath: ${JSON.stringify(WEIGHTLESS_TINY)} });
       engine.transcribe(new Float32Array(16000), { language: "en", threads: 1 }).then((r) => console.log("segments", r.segments.length));`,
    );
    const bundle = path.join(dir, "entry.cjs");
    execFileSync(path.join(REPO, "node_modules/.bin/esbuild"), [entry, "--bundle", "--platform=node", `--outfile=${bundle}`, "--log-level=warning"]);
    const run = spawnSync(process.execPath, [bundle], { encoding: "utf8", timeout: 240_000 });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^segments \d+$/m);
    expect(run.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
