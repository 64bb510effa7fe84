/**
 * The optional language model wired into processing: the service (real vault on disk, real state
 * file, the gated engine stand-in handing over a transcript) calls a real loopback HTTP server
 * that replays recorded-shape chat replies (no model runs here) through the CLI's node:http
 * poster. The time limit runs on the manual clock, so nothing depends on the machine's speed.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { languageModelRefiner } from "../../src/core/llm/entry-refiner";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import type { BitacoraSettings } from "../../src/core/settings/settings";
import { nodeHttpPost } from "../../src/engines/llm/node-http-post";
import { ManualClock } from "../support/manual-clock";
import { addFile, GatedEngine, makeService, readNote, SHARED, tempVault } from "../support/service-harness";

const replies = JSON.parse(readFileSync(path.join(__dirname, "../fixtures/llm/replies.json"), "utf8")) as Record<string, { status: number; body: string }>;
const transcript = "Los resultados superan expectativas: el accuracy mejoró de 85.3% a 89.4% y el tiempo de inferencia mejoró a 35 milisegundos, antes era de 50.";
const AUDIO = "A/2025-07-30 08.45.00 nota.ogg";
const PHOTO = "A/2025-07-30 08.46.00 pantalla.jpg";
const PHOTO_SOURCE = path.join(SHARED, "photos_coco/000000000802.jpg");
const photoFindings = {
  kind: "image" as const,
  image: { description: "Una pantalla con texto.", ocrLines: ["Health check audio: FAILED", "Rollback a hotel-audio-api:0.9.3"] },
};
const NOTE = "Logs/2025-07-30.md";

let server: Server;
let base = "";
let next = "openai-good";
let requests: string[] = [];
let bodies: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push(req.url ?? "");
      bodies.push(Buffer.concat(chunks).toString("utf8"));
      if (next === "hang") return; // never answers: the clock's time limit must decide
      res.writeHead(replies[next].status, { "content-type": "application/json" });
      res.end(replies[next].body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests = [];
  bodies = [];
});

interface Media {
  path: string;
  source: string;
  findings: Parameters<GatedEngine["release"]>[1];
}
const recording: Media = { path: AUDIO, source: path.join(SHARED, "speech_es/fleurs-es-000.ogg"), findings: { kind: "audio", audio: { transcript, keyPoints: ["El accuracy mejoró de 85.3% a 89.4%"] } } };

async function processRecording(reply: string, settings: Partial<BitacoraSettings>, whileRefining?: (clock: ManualClock) => Promise<void>, post = nodeHttpPost, media = recording) {
  next = reply;
  const vault = tempVault();
  const engine = new GatedEngine();
  const clock = new ManualClock({ start: new Date("2025-07-30T09:00:00"), autoAdvance: true });
  const { service, dispose } = makeService(vault, {
    engine,
    clock,
    settings: { languageModelApi: "openai", languageModelUrl: base, languageModelName: "qwen2.5", languageModelTimeoutMs: 20_000, ...settings },
    deps: { refineEntry: languageModelRefiner(post, clock, () => []) },
  });
  await service.start();
  addFile(vault, media.path, media.source);
  await service.enqueue(media.path);
  await engine.waitForCall(1);
  // From here time moves only when the test says so.
  clock.autoAdvance = false;
  engine.release(0, media.findings);
  await whileRefining?.(clock);
  await service.idle();
  dispose();
  const text = readNote(vault, NOTE);
  return { text, entry: parseLogNote(text).entries[0].entry };
}

test("off (the default): no request at all, the local entry is written", async () => {
  const { entry, text } = await processRecording("openai-good", {});
  expect(requests).toEqual([]);
  expect(entry.status).toBe("Processed");
  expect(entry.title).not.toBe("Revisión de optimizaciones del modelo");
  expect(text).toContain("El accuracy mejoró de 85.3% a 89.4%");
});

test("on: the recorded reply rewrites the title and the key points", async () => {
  const { entry, text } = await processRecording("openai-good", { languageModelEnabled: true });
  expect(requests).toEqual(["/v1/chat/completions"]);
  expect(entry.title).toBe("Revisión de optimizaciones del modelo");
  expect(text).toContain("- Accuracy mejoró de 85.3% a 89.4%");
  expect(text).toContain("- Inferencia bajó a 35 ms (era 50 ms)");
});

test("only the parts the settings allow: key points on, title off", async () => {
  const { entry, text } = await processRecording("openai-good", { languageModelEnabled: true, languageModelWritesTitle: false });
  expect(entry.title).not.toBe("Revisión de optimizaciones del modelo");
  expect(text).toContain("- Inferencia bajó a 35 ms (era 50 ms)");
});

test("an invented number is dropped; what the transcript supports is kept", async () => {
  const { entry, text } = await processRecording("ollama-invented", { languageModelEnabled: true, languageModelApi: "ollama" });
  expect(requests).toEqual(["/api/chat"]);
  expect(entry.title).not.toContain("12%");
  expect(text).not.toContain("91.2");
  expect(text).not.toContain("todo perfecto");
  expect(text).toContain("- Accuracy mejoró de 85.3% a 89.4%");
});

test("a server that stalls: when the time limit passes on the clock, the local entry is written", async () => {
  const local = await processRecording("openai-good", {});
  const { entry, text } = await processRecording("hang", { languageModelEnabled: true }, async (clock) => {
    while (requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await clock.sleeping(1);
    clock.advance(19_999);
    expect(clock.pending).toBe(1); // still waiting just before the limit
    clock.advance(1);
  });
  expect(requests).toEqual(["/v1/chat/completions"]);
  expect(entry.title).toBe(local.entry.title);
  expect(text).toBe(local.text);
});

test("another computer's address that this device did not approve: nothing is sent", async () => {
  const posted: string[] = [];
  const recordingPost: typeof nodeHttpPost = (url, body, options) => (posted.push(url), nodeHttpPost(url, body, options));
  const { entry } = await processRecording("openai-good", { languageModelEnabled: true, languageModelUrl: "http://192.0.2.10:8080" }, undefined, recordingPost);
  expect(posted).toEqual([]);
  expect(entry.status).toBe("Processed");
});

/** The images the loopback server received in the one chat request, in either API's shape. */
function sentImages(): { mime?: string; base64: string }[] {
  expect(bodies).toHaveLength(1);
  const messages = (JSON.parse(bodies[0]) as { messages: { images?: string[]; content: unknown }[] }).messages;
  return messages.flatMap((message) => [
    ...(message.images ?? []).map((base64) => ({ base64 })),
    ...(Array.isArray(message.content) ? (message.content as { type: string; image_url?: { url: string } }[]) : [])
      .filter((part) => part.type === "image_url")
      .map((part) => {
        const [, mime, base64] = /^data:([^;]+);base64,(.*)$/.exec(part.image_url!.url)!;
        return { mime, base64 };
      }),
  ]);
}

test("a photo goes to an Ollama vision model as base64 beside the text; the description it writes is checked", async () => {
  const { text } = await processRecording("ollama-good", { languageModelEnabled: true, languageModelApi: "ollama" }, undefined, nodeHttpPost, {
    path: PHOTO,
    source: PHOTO_SOURCE,
    findings: photoFindings,
  });
  expect(requests).toEqual(["/api/chat"]);
  const images = sentImages();
  expect(images).toHaveLength(1);
  expect(Buffer.from(images[0].base64, "base64").equals(readFileSync(PHOTO_SOURCE))).toBe(true);
  expect(text).toContain("Log de despliegue: el health check «Health check audio: FAILED» y el rollback a hotel-audio-api:0.9.3.");
  expect(text).not.toContain("Una pantalla con texto.");
});

test("a photo goes to an OpenAI-compatible server as an image_url data URL part after the text part", async () => {
  await processRecording("openai-good", { languageModelEnabled: true }, undefined, nodeHttpPost, { path: PHOTO, source: PHOTO_SOURCE, findings: photoFindings });
  expect(requests).toEqual(["/v1/chat/completions"]);
  const user = (JSON.parse(bodies[0]) as { messages: { role: string; content: { type: string; text?: string }[] }[] }).messages[1];
  expect(user.content[0].type).toBe("text");
  expect(user.content[0].text).toContain("Health check audio: FAILED");
  const images = sentImages();
  expect(images).toHaveLength(1);
  expect(images[0].mime).toBe("image/jpeg");
  expect(Buffer.from(images[0].base64, "base64").equals(readFileSync(PHOTO_SOURCE))).toBe(true);
});

test("no image is sent for a recording, nor for a photo when the model may not write the description", async () => {
  await processRecording("openai-good", { languageModelEnabled: true });
  expect(sentImages()).toEqual([]);
  expect(typeof (JSON.parse(bodies[0]) as { messages: { content: unknown }[] }).messages[1].content).toBe("string");
  bodies = [];
  requests = [];
  await processRecording("ollama-good", { languageModelEnabled: true, languageModelApi: "ollama", languageModelWritesDescription: false }, undefined, nodeHttpPost, {
    path: PHOTO,
    source: PHOTO_SOURCE,
    findings: photoFindings,
  });
  expect(sentImages()).toEqual([]);
});

test("a photo with no text reaches a vision model; figures it cannot back with text are dropped", async () => {
  const roomFindings = { kind: "image" as const, image: { description: "Una foto.", ocrLines: [] } };
  const room = { path: PHOTO, source: PHOTO_SOURCE, findings: roomFindings };
  const plain = await processRecording("ollama-vision-no-text-plain", { languageModelEnabled: true, languageModelApi: "ollama" }, undefined, nodeHttpPost, room);
  expect(sentImages()).toHaveLength(1);
  expect(plain.text).toContain("Una sala de reuniones con una mesa larga y sillas alrededor.");
  bodies = [];
  requests = [];
  // "12 notas" is a figure no text on the photo supports: that description is not used.
  const counted = await processRecording("ollama-vision-no-text", { languageModelEnabled: true, languageModelApi: "ollama" }, undefined, nodeHttpPost, room);
  expect(counted.text).not.toContain("12 notas");
});
