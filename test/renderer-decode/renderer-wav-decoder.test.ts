/**
 * The plugin's renderer decoder (Node fs reads, the worker session, the streaming WAV writer) with
 * the real worker code served over a MessageChannel in this process instead of a Web Worker (jest
 * has none). Without WebCodecs here it decodes WAV (mediabunny reads PCM itself) and refuses AAC,
 * which is what these tests need; AAC and Vorbis run in Chromium (webcodecs-in-chromium.test.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeToPcm16kMono } from "../../src/engines/audio";
import { decodeWav16, encodeWav16 } from "../../src/engines/whisper/pcm-wav";
import type { FromDecodeWorker } from "../../src/obsidian/renderer-decode/decode-messages";
import { serveDecodeRequests, type DecodeWorkerScope } from "../../src/obsidian/renderer-decode/decode-worker-main";
import { RendererWavDecoder } from "../../src/obsidian/renderer-decode/renderer-wav-decoder";
import type { DecodeWorkerHandle } from "../../src/obsidian/renderer-decode/worker-decode-session";
import { fixture } from "../engines/audio/audio-test-helpers";

let dir: string;
let wavs: string;
const seen = { reads: [] as number[], terminated: 0 };

/** The worker's own code on the far side of a MessageChannel. */
function inProcessWorker(): DecodeWorkerHandle {
  const { port1, port2 } = new MessageChannel();
  serveDecodeRequests(port2 as unknown as DecodeWorkerScope);
  const handle: DecodeWorkerHandle = {
    postMessage: (message, transfer) => port1.postMessage(message, (transfer ?? []) as never),
    onmessage: null,
    onerror: null,
    terminate: () => {
      seen.terminated++;
      port1.close();
      port2.close();
    },
  };
  port1.onmessage = (event: MessageEvent<FromDecodeWorker>) => {
    if (event.data.type === "read") seen.reads.push(event.data.end - event.data.start);
    handle.onmessage?.({ data: event.data });
  };
  return handle;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "bitacora-renderer-wav-"));
  wavs = path.join(dir, "decoded");
  seen.reads = [];
  seen.terminated = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const workerScript = () => {
  const file = path.join(dir, "worker.js");
  writeFileSync(file, "// the worker's text; the in-process worker ignores it");
  return file;
};

test("a 44.1 kHz WAV becomes a 16 kHz mono WAV with the same samples as the engine host's decoder; the worker ends", async () => {
  const decoder = new RendererWavDecoder(wavs, inProcessWorker);
  const out = await decoder.toWav(fixture("tone-1k-44100.wav"), workerScript(), new AbortController().signal);
  expect(path.dirname(out)).toBe(wavs);
  const written = decodeWav16(readFileSync(out));
  const reference = await decodeToPcm16kMono(fixture("tone-1k-44100.wav"), { isolation: "in-thread" });
  expect(written.sampleRate).toBe(16000);
  expect(written.pcm.length).toBe(reference.samples.length);
  expect(written.pcm.reduce((worst, v, i) => Math.max(worst, Math.abs(v - reference.samples[i])), 0)).toBeLessThan(2 / 32768);
  expect(seen.terminated).toBe(1);
});

test("a long recording is read in small ranges, never whole", async () => {
  const minute = new Float32Array(60 * 16000).map((_, i) => 0.3 * Math.sin(i / 7));
  const long = path.join(dir, "long.wav");
  writeFileSync(long, encodeWav16(minute, 16000));
  const out = await new RendererWavDecoder(wavs, inProcessWorker).toWav(long, workerScript(), new AbortController().signal);
  expect(decodeWav16(readFileSync(out)).pcm.length).toBe(minute.length);
  expect(Math.max(...seen.reads)).toBeLessThan(readFileSync(long).length / 4);
});

test("AAC without WebCodecs fails with the worker's reason and leaves no file behind", async () => {
  const decoder = new RendererWavDecoder(wavs, inProcessWorker);
  await expect(decoder.toWav(fixture("speech-es.m4a"), workerScript(), new AbortController().signal)).rejects.toMatchObject({
    code: "unsupported-media",
    message: "This app's WebCodecs cannot decode aac audio (44100 Hz, 1 channels).",
  });
  expect(readdirSync(wavs)).toEqual([]);
  expect(seen.terminated).toBe(1);
});

test("a cancel ends the worker and deletes the unfinished WAV", async () => {
  const controller = new AbortController();
  const decoder = new RendererWavDecoder(wavs, () => {
    const worker = inProcessWorker();
    const forward = worker.postMessage;
    // Cancel as soon as the worker has asked for its first bytes.
    worker.postMessage = (message, transfer) => {
      if (message.type === "bytes") controller.abort();
      forward(message, transfer);
    };
    return worker;
  });
  await expect(decoder.toWav(fixture("speech-es.wav"), workerScript(), controller.signal)).rejects.toMatchObject({ code: "cancelled" });
  expect(readdirSync(wavs)).toEqual([]);
  expect(seen.terminated).toBe(1);
});

test("without a worker script from the engine host it says so", async () => {
  await expect(new RendererWavDecoder(wavs, inProcessWorker).toWav(fixture("speech-es.wav"), undefined, new AbortController().signal)).rejects.toThrow("the engine host sent no decode worker");
});
