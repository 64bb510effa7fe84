/**
 * @jest-environment ./test/engines/image/native-typed-arrays-environment.js
 */
/**
 * Recording-level transcription: real 16 kHz speech (jfk.wav) padded with real silence, real
 * Silero VAD, real chunking; the WORDS come from a stand-in engine behind the WhisperEngine
 * port (the only Whisper models here are weightless, so real words cannot be asserted).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { detectSpeechInBlocks, SileroVad } from "../../../src/engines/audio";
import { nativeOnnx } from "../../../src/engines/onnx/native-onnx";
import { decodeWav16 } from "../../../src/engines/whisper/pcm-wav";
import { transcribeRecording, type SpeechFinder } from "../../../src/engines/whisper/transcribe-recording";
import type { WhisperEngine, WhisperResult, WhisperTranscribeOptions } from "../../../src/engines/whisper/whisper-port";

const SHARED = path.resolve(__dirname, "../../../../shared/testdata");
const jfk = decodeWav16(readFileSync(path.join(SHARED, "speech_en/jfk.wav"))).pcm;
const JFK_TEXT = "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.";

function concatPcm(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
const silence = (seconds: number) => new Float32Array(Math.round(seconds * 16000));

/** Streams the PCM in 1 s blocks, like the decoder does. */
function sourceOf(pcm: Float32Array) {
  return {
    async *openPcm() {
      for (let i = 0; i < pcm.length; i += 16000) yield { startSec: i / 16000, samples: pcm.subarray(i, i + 16000) };
    },
  };
}

/** Stand-in Whisper: the reference sentence for any chunk, plus a decoder loop on request. */
class StandInWhisper implements WhisperEngine {
  readonly description = "stand-in";
  readonly calls: Array<{ seconds: number; options: WhisperTranscribeOptions }> = [];
  constructor(private readonly addLoop = false) {}
  async transcribe(pcm: Float32Array, options: WhisperTranscribeOptions): Promise<WhisperResult> {
    const seconds = pcm.length / 16000;
    this.calls.push({ seconds, options });
    options.onProgress?.(0.5);
    const segments = [{ start: 0.3, end: Math.min(seconds, 10.5), text: ` ${JFK_TEXT}` }];
    if (this.addLoop) segments.push({ start: 10.5, end: seconds, text: " you you you you you you you you you you" });
    return { language: "en", segments };
  }
  async dispose() {}
}

let vad: SileroVad;
beforeAll(async () => {
  vad = await SileroVad.create({ threads: 1, onnx: nativeOnnx });
});
afterAll(async () => vad.dispose());
const findSpeech: SpeechFinder = (blocks, signal) => detectSpeechInBlocks(blocks, { vad, signal });

test("speech between long silences: one Whisper call per speech chunk, times on the recording's line", async () => {
  const recording = concatPcm(silence(5), jfk, silence(20), jfk, silence(3));
  const engine = new StandInWhisper();
  const stages: number[] = [];
  const result = await transcribeRecording(sourceOf(recording), findSpeech, engine, {
    language: "auto",
    initialPrompt: "Kubernetes, Grafana.",
    threads: 2,
    onProgress: (_stage, fraction) => stages.push(fraction),
  });
  expect(result.chunks).toBe(2);
  expect(engine.calls).toHaveLength(2);
  for (const call of engine.calls) {
    expect(call.seconds).toBeLessThanOrEqual(30);
    expect(call.options.initialPrompt).toBe("Kubernetes, Grafana.");
    expect(call.options.language).toBe("auto");
  }
  // Whisper never saw the 20 s silence: the two chunks add up to about the speech only.
  expect(engine.calls.reduce((n, c) => n + c.seconds, 0)).toBeLessThan(26);
  expect(result.segments).toHaveLength(2);
  expect(result.segments[0].start).toBeGreaterThan(4.5);
  expect(result.segments[0].start).toBeLessThan(6);
  expect(result.segments[1].start).toBeGreaterThan(35.5);
  expect(result.segments[1].start).toBeLessThan(37);
  expect(result.transcript).toBe(`${JFK_TEXT} ${JFK_TEXT}`);
  expect(result.language).toBe("en");
  expect(result.noSpeech).toBe(false);
  expect(result.durationSec).toBeCloseTo(recording.length / 16000, 1);
  expect(stages[stages.length - 1]).toBeCloseTo(1);
  expect([...stages].sort((a, b) => a - b)).toEqual(stages);
});

test("a segment that is mostly a decoder loop is dropped", async () => {
  const result = await transcribeRecording(sourceOf(concatPcm(silence(1), jfk, silence(1))), findSpeech, new StandInWhisper(true), {
    language: "en",
    threads: 1,
  });
  expect(result.transcript).toBe(JFK_TEXT);
  expect(result.dropped.map((d) => d.reason)).toEqual(["repetition-loop"]);
});

test("silence only: no Whisper call, no text, noSpeech", async () => {
  const engine = new StandInWhisper();
  const noise = new Float32Array(16000 * 8).map(() => (Math.random() - 0.5) * 0.002);
  const result = await transcribeRecording(sourceOf(noise), findSpeech, engine, { language: "auto", threads: 1 });
  expect(engine.calls).toHaveLength(0);
  expect(result).toMatchObject({ transcript: "", segments: [], noSpeech: true, chunks: 0 });
});

test("language auto: a short chunk keeps the language the earlier speech settled on", async () => {
  const engine = new StandInWhisper();
  const short = jfk.subarray(0, Math.round(2.2 * 16000));
  await transcribeRecording(sourceOf(concatPcm(silence(1), jfk, silence(10), short, silence(2))), findSpeech, engine, {
    language: "auto",
    threads: 1,
  });
  expect(engine.calls.map((c) => c.options.language)).toEqual(["auto", "en"]);
});

test("cancel before transcription stops with a cancelled error", async () => {
  const controller = new AbortController();
  controller.abort();
  await expect(
    transcribeRecording(sourceOf(jfk), findSpeech, new StandInWhisper(), { language: "en", threads: 1, signal: controller.signal }),
  ).rejects.toMatchObject({ code: "cancelled" });
});
