/**
 * whisper.cpp as WebAssembly chosen in the real engine host child process (dist/engine-host.js,
 * built by `node esbuild.config.mjs production`), through decoding, Silero VAD and chunking, with
 * whisper.cpp's weightless test model: the words are meaningless, so none are asserted.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from "../../../src/core/processing/engine-options";
import type { ProgressReport } from "../../../src/core/processing/processor-port";
import { EngineClient } from "../../../src/engines/host/engine-client";

jest.setTimeout(300_000);
const SHARED = path.resolve(__dirname, "../../../../shared/testdata");
const WEIGHTLESS_TINY = path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin");
const JFK = path.join(SHARED, "speech_en/jfk.wav");
const HOST = path.resolve(__dirname, "../../../dist/engine-host.js");

const options = (extra: Partial<EngineOptions> = {}): EngineOptions => ({
  ...DEFAULT_ENGINE_OPTIONS,
  modelsDir: mkdtempSync(path.join(tmpdir(), "bitacora-models-")),
  whisperModelPath: WEIGHTLESS_TINY,
  whisperLanguage: "en",
  whisperEngine: "wasm",
  threads: 2,
  ...extra,
});
const job = (absPath: string) => ({ path: path.basename(absPath), absPath, kind: "audio" as const });

test("whisperEngine wasm: a recording goes through decode, VAD and whisper.cpp as WebAssembly in the host", async () => {
  const client = new EngineClient({ hostScript: HOST });
  const reports: ProgressReport[] = [];
  try {
    const findings = await client.process(job(JFK), options(), new AbortController().signal, (r) => reports.push(r));
    expect(findings.audio?.durationSec).toBeCloseTo(11, 0);
    expect(findings.audio?.language).toBe("en");
    expect(Array.isArray(findings.audio?.segments)).toBe(true);
    const transcribing = reports.filter((r) => r.stage === "Transcribing").map((r) => r.fraction ?? 0);
    expect(transcribing.length).toBeGreaterThan(1);
    expect(transcribing[transcribing.length - 1]).toBeGreaterThan(transcribing[0]);
  } finally {
    client.dispose();
  }
});

test("the host really runs the WebAssembly engine: a damaged model gets its load error, word for word", async () => {
  // The native addon reports a damaged model in its own words; only the WASM binding passes on
  // whisper.cpp's first error line ("invalid model data (bad magic)").
  const bogus = path.join(mkdtempSync(path.join(tmpdir(), "bitacora-model-")), "ggml-base.bin");
  writeFileSync(bogus, Buffer.alloc(4096, 7));
  const client = new EngineClient({ hostScript: HOST });
  try {
    const error = await client.process(job(JFK), options({ whisperModelPath: bogus }), new AbortController().signal).catch((e) => e);
    expect(error).toMatchObject({ code: "no-model" });
    expect(error.message).toMatch(/bad magic/);
  } finally {
    client.dispose();
  }
});
