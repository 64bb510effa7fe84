/**
 * AAC and Vorbis in the portable host go outside it: Obsidian's renderer decoder first (here its
 * in-memory twin: the native decoder writing the same 16 kHz WAV, since Obsidian's renderer
 * cannot run in jest; the real one runs in Chromium in test/renderer-decode), then the user's
 * ffmpeg (the real one, spawned with arguments), then a clear error.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeToPcm16kMono } from "../../../src/engines/audio";
import { findFfmpeg } from "../../../src/engines/audio/ffmpeg-pcm";
import { decodeOutside } from "../../../src/engines/audio/outside-decoders";
import { streamWithCodecs } from "../../../src/engines/audio/pcm-stream";
import { decodePortablePcm16kMono } from "../../../src/engines/audio/portable-audio-decoder";
import { portableCodecs } from "../../../src/engines/audio/portable-codecs";
import { concatFloat32 } from "../../../src/engines/audio/join-arrays";
import { setProcessWavDecoder, type WavDecoderPort } from "../../../src/engines/audio/wav-decoder-port";
import { cancelledError, EngineError } from "../../../src/engines/host/engine-error";
import { encodeWav16 } from "../../../src/engines/whisper/pcm-wav";
import { bestCorrelation, fixture } from "./audio-test-helpers";

const ffmpeg = findFfmpeg();
let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "bitacora-outside-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setProcessWavDecoder(undefined));

const readWav = (wav: string, signal?: AbortSignal) => streamWithCodecs(wav, portableCodecs, { signal });
const AAC = { container: "MP4", codec: "aac", sampleRate: 44100, channels: 1 };

/** The renderer decoder's twin: same contract (a 16 kHz mono WAV per recording), the native decoder inside. */
function rendererTwin(calls: string[]): WavDecoderPort {
  return {
    async toWav(absPath) {
      calls.push(absPath);
      const pcm = await decodeToPcm16kMono(absPath, { isolation: "in-thread" });
      const wav = path.join(dir, `${calls.length}.wav`);
      writeFileSync(wav, encodeWav16(pcm.samples, 16000));
      return wav;
    },
  };
}

async function collectOutside(blocks: AsyncIterable<Float32Array>): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  for await (const block of blocks) parts.push(block);
  return concatFloat32(parts);
}

test("with neither Obsidian's decoder nor ffmpeg, the error names the format and what to do", async () => {
  await expect(decodeOutside(AAC, fixture("speech-es.m4a"), readWav, undefined, {})).rejects.toMatchObject({
    code: "unsupported-media",
    message: "The AAC audio in this MP4 file cannot be decoded by the built-in engines. Install ffmpeg (Bitácora finds it on PATH, Homebrew, winget or scoop), or convert the recording to WebM/Opus, MP3 or WAV.",
  });
});

test.each(["speech-es.m4a", "speech-es.aac", "speech-es.ogg"])("%s through the portable decoder goes to Obsidian's decoder (twin) and gives the native decoder's speech", async (file) => {
  const calls: string[] = [];
  setProcessWavDecoder(rendererTwin(calls));
  const portable = await decodePortablePcm16kMono(fixture(file));
  const native = await decodeToPcm16kMono(fixture(file), { isolation: "in-thread" });
  expect(calls).toEqual([fixture(file)]);
  expect(portable.source.codec).toBe(file.endsWith(".ogg") ? "vorbis" : "aac");
  expect(Math.abs(portable.durationSec - native.durationSec)).toBeLessThan(0.001);
  const { lag, correlation } = bestCorrelation(portable.samples, native.samples, 16);
  expect(lag).toBe(0);
  expect(correlation).toBeGreaterThan(0.9999);
});

const withFfmpeg = ffmpeg ? test : test.skip;

withFfmpeg("when Obsidian's decoder fails, the user's ffmpeg decodes the recording (same speech as the native decoder)", async () => {
  const failing: WavDecoderPort = { toWav: async () => Promise.reject(new Error("this app's WebCodecs cannot decode aac audio")) };
  const outside = await decodeOutside(AAC, fixture("speech-es.m4a"), readWav, undefined, { renderer: failing, ffmpeg });
  const samples = await collectOutside(outside.blocks);
  const native = await decodeToPcm16kMono(fixture("speech-es.m4a"), { isolation: "in-thread" });
  expect(outside.rate).toBe(16000);
  expect(Math.abs(samples.length - native.samples.length) / 16000).toBeLessThan(0.03);
  expect(bestCorrelation(samples, native.samples, 480).correlation).toBeGreaterThan(0.99);
});

withFfmpeg("without ffmpeg either, the error also says why Obsidian's decoder failed", async () => {
  const failing: WavDecoderPort = { toWav: async () => Promise.reject(new Error("this app's WebCodecs cannot decode vorbis audio")) };
  await expect(decodeOutside({ ...AAC, container: "Ogg", codec: "vorbis" }, fixture("speech-es.ogg"), readWav, undefined, { renderer: failing })).rejects.toMatchObject({
    code: "unsupported-media",
    message: expect.stringMatching(/^The Vorbis audio in this Ogg file cannot be decoded by the built-in engines\. Obsidian's own decoder could not read it \(this app's WebCodecs cannot decode vorbis audio\)\. Install ffmpeg/),
  });
});

withFfmpeg("a cancel while Obsidian's decoder works ends the job as cancelled, without trying ffmpeg", async () => {
  const cancelled: WavDecoderPort = { toWav: async () => Promise.reject(cancelledError()) };
  await expect(decodeOutside(AAC, fixture("speech-es.m4a"), readWav, undefined, { renderer: cancelled, ffmpeg })).rejects.toMatchObject({ code: "cancelled" });
});

withFfmpeg("ffmpeg failing on a damaged file is a corrupt-media error with ffmpeg's reason; an abort kills it", async () => {
  const damaged = path.join(dir, "damaged.m4a");
  writeFileSync(damaged, Buffer.from("ftypM4A not really an mp4 at all".repeat(20)));
  const outside = await decodeOutside(AAC, damaged, readWav, undefined, { ffmpeg });
  await expect(collectOutside(outside.blocks)).rejects.toMatchObject({ code: "corrupt-media", message: expect.stringContaining("ffmpeg") });
  const controller = new AbortController();
  const running = await decodeOutside(AAC, fixture("speech-es.m4a"), readWav, controller.signal, { ffmpeg });
  controller.abort();
  await expect(collectOutside(running.blocks)).rejects.toBeInstanceOf(EngineError);
});
