/**
 * The server engine against real loopback HTTP servers (node:http on 127.0.0.1) that answer the
 * way whisper.cpp's server, speaches, vLLM and OpenAI do, through Node's fetch transport: the
 * request it sends, every response shape, every failure and the retries. Backoff waits go
 * through an injected sleep that records the delays instead of waiting.
 */
import { fetchTransport } from "../../../src/engines/http/fetch-transport";
import { ServerWhisperEngine } from "../../../src/engines/whisper/server-whisper-engine";
import type { ServerEngineConfig } from "../../../src/engines/whisper/server-config";
import { startLoopbackServer, send, type LoopbackServer, type Reply } from "../../support/loopback-server";
import * as shapes from "./server-shapes";

const oneSecond = new Float32Array(16000).fill(0.1);
// Every server a test starts is closed after it (one test may start two).
const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function started(reply: Reply): Promise<LoopbackServer> {
  const server = await startLoopbackServer(reply);
  servers.push(server);
  return server;
}

async function engineAgainst(reply: Reply, config: Partial<ServerEngineConfig> = {}, stallMs = 60_000) {
  const server = await started(reply);
  const waits: number[] = [];
  const engine = new ServerWhisperEngine(
    { url: server.url, model: "whisper-1", timeoutSec: 30, ...config },
    { transport: fetchTransport({ stallMs }), sleep: async (ms) => void waits.push(ms) },
  );
  return { engine, waits, server };
}
const json = (status: number, body: unknown): Reply => (_req, res) => send(res, status, "application/json", JSON.stringify(body));
const transcribe = (engine: ServerWhisperEngine, extra = {}) =>
  engine.transcribe(oneSecond, { language: "es", initialPrompt: "Bitácora, Kubernetes.", threads: 1, ...extra });

describe("what the engine sends", () => {
  it("posts OpenAI's multipart form with a WAV of the chunk and no Authorization header without a key", async () => {
    const { engine, server } = await engineAgainst(json(200, shapes.WHISPER_CPP_VERBOSE), { hotwords: true, stream: true });
    await transcribe(engine);
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/v1/audio/transcriptions");
    expect(request.headers.authorization).toBeUndefined();
    const form = request.form;
    expect(form.get("model")).toBe("whisper-1");
    expect(form.get("language")).toBe("es");
    expect(form.get("prompt")).toBe("Bitácora, Kubernetes.");
    expect(form.get("hotwords")).toBe("Bitácora, Kubernetes.");
    expect(form.get("response_format")).toBe("verbose_json");
    expect(form.getAll("timestamp_granularities[]")).toEqual(["segment"]);
    expect(form.get("stream")).toBe("true");
    const file = form.get("file") as File;
    expect(file.name).toBe("chunk.wav");
    const wav = Buffer.from(await file.arrayBuffer());
    expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
    expect(wav.length).toBe(44 + 16000 * 2);
  });

  it("sends the key as a Bearer token, and no language field for auto detection", async () => {
    const { engine, server } = await engineAgainst(json(200, shapes.OPENAI_JSON), { apiKey: "sk-test-123" });
    await transcribe(engine, { language: "auto", initialPrompt: undefined });
    const [request] = server.requests;
    expect(request.headers.authorization).toBe("Bearer sk-test-123");
    expect(request.form.has("language")).toBe(false);
    expect(request.form.has("prompt")).toBe(false);
    expect(request.form.has("hotwords")).toBe(false);
  });
});

describe("response shapes", () => {
  it("whisper.cpp verbose_json: segments, no-speech probabilities, language name → code", async () => {
    const { engine } = await engineAgainst(json(200, shapes.WHISPER_CPP_VERBOSE));
    const result = await transcribe(engine);
    expect(result.language).toBe("es");
    expect(result.segments).toEqual([
      { start: 0, end: 2.4, text: " Hoy desplegamos el modelo.", noSpeechProb: 0.01 },
      { start: 2.4, end: 5.1, text: " Revisamos Kubernetes.", noSpeechProb: 0.02 },
    ]);
  });

  it("speaches verbose_json and its SSE stream of one-segment events", async () => {
    const plain = await (await engineAgainst(json(200, shapes.SPEACHES_VERBOSE))).engine;
    expect((await transcribe(plain)).segments.map((s) => s.start)).toEqual([0.5]);
    const { engine } = await engineAgainst((_req, res) => send(res, 200, "text/event-stream", shapes.speachesStream()), { stream: true });
    const result = await transcribe(engine);
    expect(result.language).toBe("es");
    expect(result.segments.map(({ start, end, text }) => ({ start, end, text }))).toEqual([
      { start: 0, end: 1.8, text: " Primera parte." },
      { start: 1.8, end: 3.6, text: " Segunda parte." },
    ]);
  });

  it("json and text answers become one segment over the whole chunk", async () => {
    const first = await engineAgainst(json(200, shapes.OPENAI_JSON));
    expect((await transcribe(first.engine)).segments).toEqual([{ start: 0, end: 1, text: "Hoy desplegamos el modelo." }]);
    const second = await engineAgainst((_req, res) => send(res, 200, "text/plain; charset=utf-8", "Hoy desplegamos el modelo.\n"));
    expect((await transcribe(second.engine)).segments).toEqual([{ start: 0, end: 1, text: "Hoy desplegamos el modelo." }]);
  });

  it("vLLM and OpenAI text-delta streams are joined into the text", async () => {
    const vllm = await engineAgainst((_req, res) => send(res, 200, "text/event-stream; charset=utf-8", shapes.VLLM_STREAM), { stream: true });
    expect((await transcribe(vllm.engine)).segments).toEqual([{ start: 0, end: 1, text: "Hoy desplegamos el modelo." }]);
    const openai = await engineAgainst((_req, res) => send(res, 200, "text/event-stream", shapes.OPENAI_STREAM), { stream: true });
    expect((await transcribe(openai.engine)).segments).toEqual([{ start: 0, end: 1, text: "Hoy desplegamos." }]);
  });

  it("keeps the speaker labels a diarizing server gives", async () => {
    const { engine } = await engineAgainst(json(200, shapes.DIARIZED_VERBOSE));
    expect((await transcribe(engine)).segments.map((s) => s.speaker)).toEqual(["SPEAKER_01", "SPEAKER_00", "SPEAKER_01"]);
  });

  it("reads a 10 MB verbose_json answer whole", async () => {
    const text = " palabra".repeat(125);
    const segments = Array.from({ length: 10_000 }, (_, i) => ({ id: i, start: i, end: i + 1, text, tokens: [1, 2, 3] }));
    const body = JSON.stringify({ task: "transcribe", language: "es", text: "", segments });
    expect(body.length).toBeGreaterThan(10 * 1024 * 1024);
    const { engine } = await engineAgainst((_req, res) => send(res, 200, "application/json", body));
    const result = await transcribe(engine);
    expect(result.segments).toHaveLength(10_000);
    expect(result.segments[9_999]).toMatchObject({ start: 9_999, end: 10_000 });
  });
});

describe("failures give a clear reason", () => {
  const failure = async (reply: Reply, config: Partial<ServerEngineConfig> = {}, stallMs?: number) => {
    const { engine, waits, server } = await engineAgainst(reply, config, stallMs);
    const error = await transcribe(engine).then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    return { error: error!, waits, attempts: server.requests.length };
  };

  it("404: wrong path, not retried", async () => {
    const { error, attempts } = await failure(json(404, shapes.FASTAPI_404));
    expect(error).toMatchObject({ code: "server-failed" });
    expect(error.message).toMatch(/^Transcription server 127\.0\.0\.1:\d+: the server has no transcription endpoint at this address \(HTTP 404\).*--inference-path \/v1\/audio\/transcriptions.*: Not Found\.$/);
    expect(attempts).toBe(1);
  });

  it("413: too large, with the server's words, not retried", async () => {
    const { error, attempts } = await failure(json(413, shapes.OPENAI_413));
    expect(error.message).toContain("refused the audio as too large (HTTP 413)");
    expect(error.message).toContain("Maximum content size limit");
    expect(attempts).toBe(1);
  });

  it("401 names the API key and never prints it", async () => {
    const { error } = await failure(json(401, { error: { message: "Incorrect API key provided" } }), { apiKey: "sk-secret-999" });
    expect(error.message).toContain("refused the API key (HTTP 401)");
    expect(error.message).not.toContain("sk-secret-999");
  });

  it("5xx is retried with growing waits, then fails naming the attempts", async () => {
    const { error, waits, attempts } = await failure(json(500, shapes.WHISPER_CPP_500));
    expect(attempts).toBe(4);
    expect(waits).toEqual([2000, 8000, 30000]);
    expect(error.message).toContain("the server failed (HTTP 500): failed to process audio (4 attempts)");
  });

  it("a 503 followed by success returns the transcript, after Retry-After", async () => {
    const { engine, waits } = await engineAgainst((_req, res, index) => {
      if (index === 0) {
        res.writeHead(503, { "content-type": "text/plain", "retry-after": "5" });
        res.end("loading model");
      } else send(res, 200, "application/json", JSON.stringify(shapes.SPEACHES_VERBOSE));
    });
    expect((await transcribe(engine)).segments).toHaveLength(1);
    expect(waits).toEqual([5000]);
  });

  it("an HTML error page is reported by its title", async () => {
    const { error } = await failure((_req, res) => send(res, 502, "text/html", shapes.NGINX_502));
    expect(error.message).toContain("the server failed (HTTP 502): 502 Bad Gateway");
    const ok = await failure((_req, res) => send(res, 200, "text/html", "<!DOCTYPE html><html><head><title>Router login</title></head></html>"));
    expect(ok.error.message).toContain("answered with a web page instead of a transcript (Router login)");
    expect(ok.attempts).toBe(1);
  });

  it("malformed JSON is reported with its first characters", async () => {
    const { error } = await failure((_req, res) => send(res, 200, "application/json", '{"text": "Hoy desple'));
    expect(error.message).toContain('the server\'s answer is not valid JSON (it starts "{"text": "Hoy desple")');
  });

  it("a server that never answers times out", async () => {
    const { error, attempts } = await failure(() => undefined, { timeoutSec: 0.3 });
    expect(error.message).toContain("the server did not answer within 0.3 s (4 attempts)");
    expect(attempts).toBe(4);
  });

  it("a server that stops sending half-way is a stall", async () => {
    const { error } = await failure(
      (_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("data: {\"text\": \"Hoy\"}\n\n");
      },
      { stream: true },
      200,
    );
    expect(error.message).toMatch(/the server stopped sending after \d+ bytes \(4 attempts\)/);
  });

  it("an answer over the size limit is refused, not read on", async () => {
    const server = await started((_req, res) => send(res, 200, "application/json", JSON.stringify({ text: "x".repeat(2 * 1024 * 1024) })));
    const engine = new ServerWhisperEngine({ url: server.url, model: "", timeoutSec: 30 }, { transport: fetchTransport({ maxResponseBytes: 1024 * 1024 }), sleep: async () => undefined });
    await expect(transcribe(engine)).rejects.toThrow("the server's answer is larger than 1 MB.");
    expect(server.requests).toHaveLength(1);
  });

  it("a closed port is unreachable, retried, then reported", async () => {
    const closed = await startLoopbackServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const waits: number[] = [];
    const engine = new ServerWhisperEngine({ url, model: "", timeoutSec: 5 }, { transport: fetchTransport(), sleep: async (ms) => void waits.push(ms) });
    await expect(transcribe(engine)).rejects.toThrow(/could not reach the server \(ECONNREFUSED\) \(4 attempts\)/);
    expect(waits).toHaveLength(3);
  });

  it("cancelling during the backoff stops at once as cancelled", async () => {
    const server = await started(json(500, shapes.WHISPER_CPP_500));
    const controller = new AbortController();
    const engine = new ServerWhisperEngine(
      { url: server.url, model: "", timeoutSec: 5 },
      {
        transport: fetchTransport(),
        // The user cancels while the engine waits to retry.
        sleep: async () => {
          controller.abort();
          throw new Error("aborted");
        },
      },
    );
    await expect(transcribe(engine, { signal: controller.signal })).rejects.toMatchObject({ code: "cancelled" });
    expect(server.requests).toHaveLength(1);
  });
});
