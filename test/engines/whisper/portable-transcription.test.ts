/**
 * Transcription with no native module, as the engine host embedded in main.js will run it: the
 * portable decoder, Silero VAD on onnxruntime-web and whisper.cpp as WebAssembly, in this process,
 * with whisper.cpp's weightless test model (meaningless words: none are asserted).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS } from "../../../src/core/processing/engine-options";
import type { ProgressReport } from "../../../src/core/processing/processor-port";
import { nodeModuleAssets } from "../../../src/engines/assets/node-module-assets";
import { createPortableEngines } from "../../../src/engines/host/portable-engines";
import { createPortableTranscriptionProcessor } from "../../../src/engines/whisper/portable-transcription-processor";
import { sharedWhisperWasmRuntime } from "../../../src/engines/whisper/wasm/whisper-wasm-location";

jest.setTimeout(300_000);
const SHARED = path.resolve(__dirname, "../../../../shared/testdata");
const JFK = path.join(SHARED, "speech_en/jfk.wav");
const engines = createPortableEngines(nodeModuleAssets());
afterAll(async () => {
  await engines.dispose();
  (await sharedWhisperWasmRuntime()).terminate();
});

test("a recording goes through the portable decoder, Silero on onnxruntime-web and whisper.cpp as WebAssembly", async () => {
  const processor = createPortableTranscriptionProcessor(engines);
  const reports: ProgressReport[] = [];
  const options = {
    ...DEFAULT_ENGINE_OPTIONS,
    modelsDir: mkdtempSync(path.join(tmpdir(), "bitacora-models-")),
    whisperModelPath: path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin"),
    whisperLanguage: "en",
  };
  const job = { path: "jfk.wav", absPath: JFK, kind: "audio" as const };
  const findings = await processor.process(job, { kind: "audio" }, { signal: new AbortController().signal, options, onProgress: (r) => reports.push(r) });
  expect(findings.audio?.durationSec).toBeCloseTo(11, 0);
  expect(findings.audio?.language).toBe("en");
  expect(Array.isArray(findings.audio?.segments)).toBe(true);
  expect(reports.map((r) => r.stage)).toEqual(expect.arrayContaining(["Finding speech", "Transcribing"]));
});

test("without a model it fails with no-model, as the native processor does", async () => {
  const processor = createPortableTranscriptionProcessor(engines);
  const options = { ...DEFAULT_ENGINE_OPTIONS, modelsDir: mkdtempSync(path.join(tmpdir(), "bitacora-models-")) };
  const job = { path: "jfk.wav", absPath: JFK, kind: "audio" as const };
  await expect(processor.process(job, { kind: "audio" }, { signal: new AbortController().signal, options, onProgress: () => undefined })).rejects.toMatchObject({ code: "no-model" });
});
