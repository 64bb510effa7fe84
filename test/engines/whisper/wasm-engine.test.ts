/**
 * whisper.cpp as WebAssembly (vendor/whisper-wasm, built by scripts/build-whisper-wasm.mjs and
 * committed so tests and CI need no emscripten), run for real with whisper.cpp's weightless test
 * model: loading, errors, progress, abort, timeout, threads. The weightless model emits no words,
 * so no transcript text is asserted here (the stand-in engine tests do that).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WasmWhisperEngine } from "../../../src/engines/whisper/wasm-whisper-engine";
import { sharedWhisperWasmRuntime } from "../../../src/engines/whisper/wasm/whisper-wasm-location";
import { jfk, WEIGHTLESS_TINY, whisperEngineContract } from "../../support/whisper-engine-contract";

jest.setTimeout(300_000);
const REPO = path.resolve(__dirname, "../../..");
const twoSeconds = jfk.subarray(0, 16000 * 2);

afterAll(async () => (await sharedWhisperWasmRuntime()).terminate());

test("the committed build loads in Node with SIMD128 and says which whisper.cpp it is", async () => {
  const runtime = await sharedWhisperWasmRuntime();
  expect(runtime.version).toBe("1.9.1");
  expect(runtime.systemInfo).toContain("WASM_SIMD = 1");
});

test("a runtime that cannot load is an internal error, not a crash", async () => {
  const engine = new WasmWhisperEngine({ modelPath: WEIGHTLESS_TINY, runtime: () => Promise.reject(new Error("no SharedArrayBuffer")) });
  const error = await engine.transcribe(twoSeconds, { language: "en", threads: 1 }).catch((e) => e);
  expect(error).toMatchObject({ code: "internal" });
  expect(error.message).toContain("no SharedArrayBuffer");
});

whisperEngineContract((modelPath) => new WasmWhisperEngine({ modelPath }), {
  detectThreads: 1,
  bogusModelMessage: /bad magic/,
  checkFullRun: (result, engine) => {
    expect(engine.description).toMatch(/^whisper\.cpp 1\.9\.1 via WebAssembly/);
    for (const segment of result.segments) expect(segment.end).toBeLessThanOrEqual(jfk.length / 16000);
  },
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
