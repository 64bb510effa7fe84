/**
 * The plugin's transport over requestUrl, against a real loopback server. Obsidian's requestUrl
 * is stood in by a real HTTP call with requestUrl's contract (whole body, no throw with
 * `throw: false`, `contentType` as the Content-Type header), because Obsidian cannot run here.
 */
import { requestUrlTransport } from "../../src/obsidian/request-url-transport";
import { ServerWhisperEngine } from "../../src/engines/whisper/server-whisper-engine";
import { startLoopbackServer, send, type LoopbackServer } from "../support/loopback-server";

let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

it("carries the multipart request and the server's answer", async () => {
  server = await startLoopbackServer((_req, res) => send(res, 200, "application/json", JSON.stringify({ language: "spanish", segments: [{ start: 0, end: 1, text: " Hola." }] })));
  const engine = new ServerWhisperEngine({ url: server.url, model: "m", timeoutSec: 30 }, { transport: requestUrlTransport, sleep: async () => undefined });
  const result = await engine.transcribe(new Float32Array(1600), { language: "es", threads: 1 });
  expect(result).toEqual({ language: "es", segments: [{ start: 0, end: 1, text: " Hola." }] });
  expect(server.requests[0].headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  expect(server.requests[0].headers.authorization).toBeUndefined();
  expect((server.requests[0].form.get("file") as File).size).toBe(44 + 3200);
});

it("hands error statuses to the engine instead of throwing, so their reason is kept", async () => {
  server = await startLoopbackServer((_req, res) => send(res, 404, "application/json", JSON.stringify({ detail: "Not Found" })));
  const engine = new ServerWhisperEngine({ url: server.url, model: "", timeoutSec: 30 }, { transport: requestUrlTransport, sleep: async () => undefined });
  await expect(engine.transcribe(new Float32Array(1600), { language: "es", threads: 1 })).rejects.toThrow(/HTTP 404\).*: Not Found\.$/);
});

it("stops waiting at the timeout", async () => {
  server = await startLoopbackServer(() => undefined);
  const response = requestUrlTransport.send({ url: server.url, method: "POST", headers: {}, timeoutMs: 200 });
  await expect(response).rejects.toMatchObject({ kind: "timeout", message: "the server did not answer within 0.2 s" });
});
