/**
 * What the tests that run Whisper in the real engine host (dist/engine-host.js, built by
 * `node esbuild.config.mjs production`) share: whisper.cpp's weightless test model (real engine,
 * meaningless words), a recording, and a transcription job's options.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from "../../src/core/processing/engine-options";
import type { ProcessorFindings, ProgressReport } from "../../src/core/processing/processor-port";
import { EngineClient } from "../../src/engines/host/engine-client";

const SHARED = path.resolve(__dirname, "../../../shared/testdata");
export const WEIGHTLESS_TINY = path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin");
export const JFK = path.join(SHARED, "speech_en/jfk.wav");
export const HOST = path.resolve(__dirname, "../../dist/engine-host.js");

/** English, two threads, the weightless model and a fresh models folder (nothing downloaded). */
export const whisperOptions = (extra: Partial<EngineOptions> = {}): EngineOptions => ({
  ...DEFAULT_ENGINE_OPTIONS,
  modelsDir: mkdtempSync(path.join(tmpdir(), "bitacora-models-")),
  whisperModelPath: WEIGHTLESS_TINY,
  whisperLanguage: "en",
  threads: 2,
  ...extra,
});

export const audioJob = (absPath: string) => ({ path: path.basename(absPath), absPath, kind: "audio" as const });

/** JFK's 11 s through a fresh engine host with these options: what it found and every progress report. */
export async function transcribeJfkInHost(options: EngineOptions): Promise<{ findings: ProcessorFindings; reports: ProgressReport[] }> {
  const client = new EngineClient({ hostScript: HOST });
  const reports: ProgressReport[] = [];
  try {
    const findings = await client.process(audioJob(JFK), options, new AbortController().signal, (r) => reports.push(r));
    return { findings, reports };
  } finally {
    client.dispose();
  }
}

/** The transcription stage's fractions: more than one, and the last above the first. */
export function transcribingAdvances(reports: readonly ProgressReport[]): boolean {
  const transcribing = reports.filter((r) => r.stage === "Transcribing").map((r) => r.fraction ?? 0);
  return transcribing.length > 1 && transcribing[transcribing.length - 1] > transcribing[0];
}
