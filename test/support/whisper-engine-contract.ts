/**
 * What every in-process whisper.cpp engine (the native addon, the WebAssembly build) must do with
 * whisper.cpp's weightless test model: the same errors for missing and bogus models, a full run
 * with language, segments and progress from 0 to 1, language detection, abort inside the call
 * with the model still usable, and an already aborted signal. Each engine's own file adds what
 * only it has (CPU flags, the runtime's loading, its description).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeWav16, encodeWav16 } from "../../src/engines/whisper/pcm-wav";
import type { WhisperEngine, WhisperResult } from "../../src/engines/whisper/whisper-port";

const SHARED = path.resolve(__dirname, "../../../shared/testdata");
export const WEIGHTLESS_TINY = path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin");
export const jfk = decodeWav16(readFileSync(path.join(SHARED, "speech_en/jfk.wav"))).pcm;
const twoSeconds = jfk.subarray(0, 16000 * 2);

export interface EngineContractOptions {
  /** Threads for language detection (the WASM build is also checked on one thread). */
  detectThreads: number;
  /** What the bogus-model error must also say, beyond "could not be loaded". */
  bogusModelMessage?: RegExp;
  /** Checks only this engine makes on the full run's result. */
  checkFullRun?: (result: WhisperResult, engine: WhisperEngine) => void;
}

export function whisperEngineContract(make: (modelPath: string) => WhisperEngine, options: EngineContractOptions): void {
  test("a missing model file is a no-model error", async () => {
    const engine = make("/nowhere/ggml-base.bin");
    await expect(engine.transcribe(twoSeconds, { language: "en", threads: 1 })).rejects.toMatchObject({ code: "no-model" });
  });

  test("a file that is not a ggml model is a no-model error that says why, not a crash", async () => {
    const bogus = path.join(mkdtempSync(path.join(tmpdir(), "bitacora-model-")), "ggml-base.bin");
    writeFileSync(bogus, encodeWav16(twoSeconds, 16000));
    const error = await make(bogus).transcribe(twoSeconds, { language: "en", threads: 1 }).catch((e) => e);
    expect(error).toMatchObject({ code: "no-model" });
    expect(error.message).toContain("could not be loaded");
    if (options.bogusModelMessage) expect(error.message).toMatch(options.bogusModelMessage);
  });

  describe("with the weightless model", () => {
    const engine = make(WEIGHTLESS_TINY);
    afterAll(() => engine.dispose());

    test("real whisper.cpp runs end to end on 2 threads: language, segments, progress from 0 to 1", async () => {
      const progress: number[] = [];
      const result = await engine.transcribe(jfk, { language: "en", threads: 2, initialPrompt: "Grafana, Kubernetes", onProgress: (f) => progress.push(f) });
      expect(result.language).toBe("en");
      expect(Array.isArray(result.segments)).toBe(true);
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.every((f) => f >= 0 && f <= 1)).toBe(true);
      expect(progress[progress.length - 1]).toBe(1);
      options.checkFullRun?.(result, engine);
    });

    test(`language auto on ${options.detectThreads} thread(s): whisper.cpp detects one and says which`, async () => {
      const result = await engine.transcribe(jfk.subarray(0, 16000 * 3), { language: "auto", threads: options.detectThreads });
      expect(result.language).toMatch(/^[a-z]{2,3}$/);
    });

    test("abort stops whisper.cpp inside the call; the model stays loaded and usable", async () => {
      const controller = new AbortController();
      const pending = engine.transcribe(jfk, { language: "en", threads: 2, signal: controller.signal, onProgress: () => controller.abort() });
      await expect(pending).rejects.toMatchObject({ code: "cancelled" });
      // The call has really ended: the same model takes the next chunk at once.
      const next = await engine.transcribe(twoSeconds, { language: "en", threads: 2 });
      expect(Array.isArray(next.segments)).toBe(true);
    });

    test("an already aborted signal never starts whisper.cpp", async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(engine.transcribe(jfk, { language: "en", threads: 1, signal: controller.signal })).rejects.toMatchObject({ code: "cancelled" });
    });
  });
}
