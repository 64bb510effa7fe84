/**
 * The server engine in the real engine host child process (dist/engine-host.js, built by
 * `node esbuild.config.mjs production`): real decoding and Silero VAD cut the recording, each
 * chunk goes over IPC to the parent, which makes the HTTP request to a real loopback server
 * through the transport it was given (the plugin gives requestUrl's; here Node's fetch, counted).
 * Segment times come back on the recording's time line. No Whisper model is involved.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from "../../../src/core/processing/engine-options";
import { EngineClient } from "../../../src/engines/host/engine-client";
import { fetchTransport } from "../../../src/engines/http/fetch-transport";
import type { HttpTransport } from "../../../src/engines/http/http-transport";
import { decodeWav16, encodeWav16 } from "../../../src/engines/whisper/pcm-wav";
import { startLoopbackServer, send, type LoopbackServer } from "../../support/loopback-server";

jest.setTimeout(120_000);
const HOST = path.resolve(__dirname, "../../../dist/engine-host.js");
const SPEECH = path.resolve(__dirname, "../../fixtures/audio/speech-es.webm");
const job = { path: "Audio/speech-es.webm", absPath: SPEECH, kind: "audio" as const };

/** The Spanish sample after 3 s of silence, written for this test. */
function delayedSpeech() {
  const { pcm, sampleRate } = decodeWav16(readFileSync(path.resolve(__dirname, "../../fixtures/audio/speech-es.wav")));
  const padded = new Float32Array(pcm.length + 3 * sampleRate);
  padded.set(pcm, 3 * sampleRate);
  const absPath = path.join(mkdtempSync(path.join(tmpdir(), "bitacora-server-")), "late-speech.wav");
  writeFileSync(absPath, encodeWav16(padded, sampleRate));
  return { path: "Audio/late-speech.wav", absPath, kind: "audio" as const };
}

let server: LoopbackServer;
let client: EngineClient;
let parentRequests = 0;
afterEach(async () => {
  client.dispose();
  await server.close();
});

async function setUp(reply: Parameters<typeof startLoopbackServer>[0]) {
  server = await startLoopbackServer(reply);
  const fetchIt = fetchTransport();
  const counted: HttpTransport = { send: (request, signal) => (parentRequests++, fetchIt.send(request, signal)) };
  client = new EngineClient({ hostScript: HOST, http: counted });
}
const options = (server: Partial<NonNullable<EngineOptions["server"]>>): EngineOptions => ({
  ...DEFAULT_ENGINE_OPTIONS,
  modelsDir: mkdtempSync(path.join(tmpdir(), "bitacora-models-")),
  whisperLanguage: "es",
  initialPrompt: "Bitácora, Kubernetes.",
  server: { url: "", model: "large-v3", timeoutSec: 30, fallbackToLocal: false, wholeFile: false, hotwords: false, ...server },
});

it("VAD-cut chunks go through the parent to the server; segments land on the recording's time line", async () => {
  await setUp((request, res) => {
    const file = request.form.get("file") as File;
    const seconds = (file.size - 44) / 32000;
    send(res, 200, "application/json", JSON.stringify({ language: "spanish", segments: [{ start: 0, end: seconds, text: ` trozo de ${seconds.toFixed(1)} s`, speaker: "A" }] }));
  });
  parentRequests = 0;
  const findings = await client.process(delayedSpeech(), options({ url: server.url }), new AbortController().signal);
  const audio = findings.audio!;
  expect(server.requests.length).toBeGreaterThan(0);
  expect(parentRequests).toBe(server.requests.length);
  expect(server.requests[0].form.get("prompt")).toBe("Bitácora, Kubernetes.");
  expect(audio.language).toBe("es");
  expect(audio.segments!.length).toBe(server.requests.length);
  // Speech does not start at the very first sample: the chunk's offset is added back.
  // The speech starts after 3 s of silence: the chunk's offset is added back.
  expect(audio.segments![0].start).toBeGreaterThan(2.5);
  expect(audio.segments![0].start).toBeLessThan(3.5);
  expect(audio.segments![0].speaker).toBe(1);
  expect(audio.transcript).toContain("trozo de");
});

it("whole-file mode sends the recording as recorded", async () => {
  await setUp((_request, res) => send(res, 200, "application/json", JSON.stringify({ language: "es", segments: [{ start: 1.5, end: 3, text: " Todo." }] })));
  const findings = await client.process(job, options({ url: server.url, wholeFile: true }), new AbortController().signal);
  const file = server.requests[0].form.get("file") as File;
  expect(file.name).toBe("speech-es.webm");
  expect(file.type).toBe("audio/webm");
  expect(findings.audio!.segments).toEqual([{ start: 1.5, end: 3, text: "Todo." }]);
});

it("a failing server without fallback fails the job with the server's reason", async () => {
  await setUp((_request, res) => send(res, 404, "application/json", JSON.stringify({ detail: "Not Found" })));
  await expect(client.process(job, options({ url: server.url }), new AbortController().signal)).rejects.toMatchObject({
    code: "server-failed",
    message: expect.stringContaining("the server has no transcription endpoint at this address (HTTP 404)"),
  });
});
