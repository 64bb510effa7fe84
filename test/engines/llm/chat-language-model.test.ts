/**
 * The optional language model against a real loopback HTTP server that replays recorded-shape
 * replies (no model runs on the build machines): good OpenAI-compatible and Ollama answers,
 * invented figures and quotes, malformed bodies, HTTP errors and a server that never answers.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chatLanguageModel } from "../../../src/core/llm/chat-api";
import { refineEntryText } from "../../../src/core/llm/refine";
import { nodeHttpPost } from "../../../src/engines/llm/node-http-post";

const replies = JSON.parse(readFileSync(path.join(__dirname, "../../fixtures/llm/replies.json"), "utf8")) as Record<string, { status: number; body: string }>;

let server: Server;
let base = "";
let next = "openai-good";
const requests: { url: string; body: Record<string, unknown> }[] = [];

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = "";
    req.on("data", (chunk: Buffer) => (data += chunk.toString()));
    req.on("end", () => resolve(data));
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({ url: req.url ?? "", body: JSON.parse(body) as Record<string, unknown> });
      if (next === "hang") return; // never answers: the client's timeout must fire
      const reply = replies[next];
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const transcript = "Los resultados superan expectativas: el accuracy mejoró de 85.3% a 89.4% y el tiempo de inferencia mejoró a 35 milisegundos, antes era de 50.";
const local = { title: "Revisión de las optimizaciones", keyPoints: ["El accuracy mejoró de 85.3% a 89.4%"], description: undefined };
const openai = () => chatLanguageModel({ api: "openai", url: base, model: "qwen2.5" }, nodeHttpPost);
const ollama = () => chatLanguageModel({ api: "ollama", url: base, model: "llama3.2" }, nodeHttpPost);

test("an OpenAI-compatible server: request shape, fenced JSON reply, figures checked against the transcript", async () => {
  next = "openai-good";
  const result = await refineEntryText(local, { language: "es", transcript }, openai(), { timeoutMs: 5000 });
  expect(requests.at(-1)).toMatchObject({ url: "/v1/chat/completions", body: { model: "qwen2.5", temperature: 0, messages: [{ role: "system" }, { role: "user" }] } });
  expect(result).toMatchObject({
    source: "model",
    title: "Revisión de optimizaciones del modelo",
    keyPoints: ["Accuracy mejoró de 85.3% a 89.4%", "Inferencia bajó a 35 ms (era 50 ms)"],
    dropped: [],
  });
});

test("Ollama: /api/chat without streaming; a description quoting the screen is kept", async () => {
  next = "ollama-good";
  const ocrText = "Deploying hotel-audio-api:1.0.0 to production\nHealth check audio: FAILED (timeout 30s)\nROLLBACK: restoring hotel-audio-api:0.9.3";
  const result = await refineEntryText({ title: "Despliegue", keyPoints: [], description: "Log de despliegue." }, { language: "es", transcript: "Hicimos rollback, el health check de audio falló.", ocrText }, ollama(), { timeoutMs: 5000 });
  expect(requests.at(-1)).toMatchObject({ url: "/api/chat", body: { model: "llama3.2", stream: false, format: "json" } });
  expect(result.title).toBe("Rollback del despliegue a producción");
  expect(result.description).toContain("hotel-audio-api:0.9.3");
});

test("figures and quotes the source does not hold are dropped; what it supports is kept", async () => {
  next = "ollama-invented";
  const result = await refineEntryText(local, { language: "es", transcript }, ollama(), { timeoutMs: 5000 });
  expect(result.title).toBe(local.title);
  expect(result.keyPoints).toEqual(["Accuracy mejoró de 85.3% a 89.4%"]);
  expect(result.dropped).toEqual(["Mejora del 12% en producción", "Accuracy mejoró a 91.2%", "El equipo dijo «todo perfecto»"]);
});

test.each(["not-json-body", "content-not-json", "no-content", "server-error"])("%s: the local result stands, with the reason", async (name) => {
  next = name;
  const result = await refineEntryText(local, { language: "es", transcript }, openai(), { timeoutMs: 5000 });
  expect(result).toMatchObject({ ...local, source: "local", dropped: [] });
  expect(result.reason).toBeTruthy();
});

test("a server that never answers: the timeout gives the local result", async () => {
  next = "hang";
  const result = await refineEntryText(local, { language: "es", transcript }, openai(), { timeoutMs: 200 });
  expect(result).toMatchObject({ ...local, source: "local" });
  expect(result.reason).toMatch(/time|abort/i);
});
