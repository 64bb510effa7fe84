import { readFile } from "node:fs/promises";
import { OfflineAudioContext } from "node-web-audio-api";
import { decodeToPcm16kMono, WebAudioDecoder, type OfflineContextFactory } from "../../../src/engines/audio";
import { EngineError } from "../../../src/engines/host/engine-error";
import { bestCorrelation, fixture, toneAmplitude, zeroCrossingFrequency } from "./audio-test-helpers";

/**
 * The renderer adapter, driven here by node-web-audio-api's OfflineAudioContext as a stand-in for
 * Obsidian's (Chromium's) — real Electron cannot run in these tests. The stand-in's decoder
 * (symphonia) lacks Opus and reads MP4 only with the index first, so those cases differ from
 * Chromium, which decodes WebM/Opus and M4A itself; that path is asserted as a clear error here.
 */
const standIn: OfflineContextFactory = (options) => new OfflineAudioContext(options) as never;
const decoder = new WebAudioDecoder(standIn, async (path) => new Uint8Array(await readFile(path)));

describe("WebAudioDecoder (node-web-audio-api stand-in for Obsidian's Web Audio)", () => {
  test.each(["speech-es.wav", "speech-es.mp3", "speech-es.flac", "speech-es.ogg", "speech-es.aac"])(
    "%s: 16 kHz mono, the same speech as the Node decoder",
    async (name) => {
      const web = await decoder.decodeToPcm16kMono(fixture(name));
      const node = await decodeToPcm16kMono(fixture(name));
      expect(web.sampleRate).toBe(16000);
      expect(Math.abs(web.durationSec - node.durationSec)).toBeLessThan(0.06);
      expect(bestCorrelation(web.samples, node.samples, 480).correlation).toBeGreaterThan(0.95);
    },
  );

  test("its resampler keeps a 1 kHz tone at 1 kHz and its level", async () => {
    const { samples } = await decoder.decodeToPcm16kMono(new Uint8Array(await readFile(fixture("tone-1k-44100.wav"))));
    const body = samples.subarray(800, samples.length - 800);
    expect(zeroCrossingFrequency(body, 16000)).toBeCloseTo(1000, 0);
    expect(toneAmplitude(body, 16000, 1000)).toBeCloseTo(0.5, 1);
  });

  test("the caller's bytes survive (decodeAudioData detaches what it gets)", async () => {
    const bytes = new Uint8Array(await readFile(fixture("speech-es.wav")));
    await decoder.decodeToPcm16kMono(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  test("Opus in WebM, which the stand-in cannot decode, is a clear unsupported-media error", async () => {
    await expect(decoder.decodeToPcm16kMono(fixture("speech-es.webm"))).rejects.toMatchObject({ code: "unsupported-media" });
  });

  test("empty, text and missing input give EngineErrors", async () => {
    await expect(decoder.decodeToPcm16kMono(new Uint8Array(0))).rejects.toMatchObject({ code: "empty-file" });
    await expect(decoder.decodeToPcm16kMono(new TextEncoder().encode("not audio at all ".repeat(100)))).rejects.toBeInstanceOf(EngineError);
    await expect(decoder.decodeToPcm16kMono("/nowhere/recording.webm")).rejects.toMatchObject({ code: "missing-file" });
  });

  test("a decodeAudioData that never answers times out; an abort cancels", async () => {
    const never: OfflineContextFactory = () => ({ decodeAudioData: () => new Promise(() => undefined) });
    const hanging = new WebAudioDecoder(never);
    await expect(hanging.decodeToPcm16kMono(new Uint8Array([1, 2, 3]), { timeoutMs: 50 })).rejects.toMatchObject({ code: "timeout" });
    const controller = new AbortController();
    const pending = hanging.decodeToPcm16kMono(new Uint8Array([1, 2, 3]), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "cancelled" });
  });
});
