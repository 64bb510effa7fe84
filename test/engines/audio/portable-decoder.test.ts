import { readFileSync } from "node:fs";
import { decodeToPcm16kMono } from "../../../src/engines/audio";
import { decodePortablePcm16kMono, streamPortablePcm16kMono } from "../../../src/engines/audio/portable-audio-decoder";
import { bestCorrelation, collect, fixture } from "./audio-test-helpers";

/**
 * The portable host's decoder (WebAssembly codecs only) against the native one on the same files:
 * the formats it decodes give the same 16 kHz speech; the ones it lacks fail clearly, losing nothing.
 */
const DECODED: Array<[file: string, codec: string, minCorrelation: number, maxLagMs: number]> = [
  ["speech-es.webm", "opus", 0.9999, 0],
  ["speech-es-recorder-stereo.webm", "opus", 0.9999, 0],
  ["speech-es.opus", "opus", 0.9999, 0],
  ["speech-es.wav", "pcm-s16", 0.9999, 0],
  // libmpg123 and symphonia are different MP3 decoders: same signal, within a frame of each other.
  ["speech-es.mp3", "mp3", 0.99, 30],
];

// speech-es-stereo-24bit.flac (2 s, 22.05 kHz, 24-bit, the right channel quieter so the encoder's
// stereo decorrelation is exercised): sox -M of speech-es.wav with itself at vol 0.7, then ffmpeg -c:a flac -sample_fmt s32.
test.each(["speech-es.flac", "silence-5s.flac", "speech-es-stereo-24bit.flac"])("%s: FLAC is lossless, so the TypeScript decoder gives symphonia's samples exactly", async (file) => {
  const portable = await decodePortablePcm16kMono(fixture(file));
  const native = await decodeToPcm16kMono(fixture(file), { isolation: "in-thread" });
  expect(portable.source.codec).toBe("flac");
  expect(portable.samples.length).toBe(native.samples.length);
  const worst = native.samples.reduce((max, v, i) => Math.max(max, Math.abs(v - portable.samples[i])), 0);
  expect(worst).toBeLessThan(1e-6);
});

test.each(DECODED)("%s (%s) decodes to what the native decoder gives", async (file, codec, minCorrelation, maxLagMs) => {
  const portable = await decodePortablePcm16kMono(fixture(file));
  const native = await decodeToPcm16kMono(fixture(file), { isolation: "in-thread" });
  expect(portable.source.codec).toBe(codec);
  expect(Math.abs(portable.durationSec - native.durationSec)).toBeLessThan(0.06);
  const { lag, correlation } = bestCorrelation(portable.samples, native.samples, 480);
  expect(correlation).toBeGreaterThan(minCorrelation);
  expect((Math.abs(lag) / 16000) * 1000).toBeLessThanOrEqual(maxLagMs);
});

test("MP3 streamed in 0.5 s batches gives the same samples as one batch (the decoder keeps its bit reservoir)", async () => {
  const whole = await decodePortablePcm16kMono(fixture("speech-es.mp3"));
  const blocks = await collect(streamPortablePcm16kMono(fixture("speech-es.mp3"), { batchSec: 0.5 }));
  const streamed = new Float32Array(blocks.reduce((n, b) => n + b.samples.length, 0));
  let offset = 0;
  for (const block of blocks) {
    streamed.set(block.samples, offset);
    offset += block.samples.length;
  }
  expect(streamed.length).toBe(whole.samples.length);
  const worst = whole.samples.reduce((max, v, i) => Math.max(max, Math.abs(v - streamed[i])), 0);
  expect(worst).toBeLessThan(1e-4);
});

test.each([
  ["speech-es.m4a", "aac"],
  ["speech-es.aac", "aac"],
  ["speech-es.ogg", "vorbis"],
])("%s (%s) given as bytes (no file for an outside decoder) is refused with a clear unsupported-media error", async (file, codec) => {
  // From a file, these go to Obsidian's decoder or the user's ffmpeg: outside-decoders.test.ts.
  await expect(decodePortablePcm16kMono(readFileSync(fixture(file)))).rejects.toMatchObject({
    code: "unsupported-media",
    message: expect.stringContaining(`"${codec}"`),
  });
});
