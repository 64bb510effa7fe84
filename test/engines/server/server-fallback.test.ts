/**
 * The fallback to the local engine when the server fails. The local engine here is a stand-in
 * behind the Whisper port (the real local engines are tested in test/engines/whisper); the
 * server is a real loopback server.
 */
import { EngineError } from "../../../src/engines/host/engine-error";
import { fetchTransport } from "../../../src/engines/http/fetch-transport";
import { ServerWithLocalFallback } from "../../../src/engines/whisper/server-fallback-engine";
import { ServerWhisperEngine } from "../../../src/engines/whisper/server-whisper-engine";
import type { WhisperEngine } from "../../../src/engines/whisper/whisper-port";
import { startLoopbackServer, send, type LoopbackServer } from "../../support/loopback-server";

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer((_req, res) => send(res, 503, "text/html", "<html><head><title>Service Unavailable</title></head></html>"));
});
afterEach(() => server.close());

const localStandIn = (): WhisperEngine & { calls: number } => ({
  description: "local stand-in",
  calls: 0,
  async transcribe() {
    this.calls++;
    return { segments: [{ start: 0, end: 1, text: "local" }], language: "es" };
  },
  async dispose() {},
});
const serverEngine = () => new ServerWhisperEngine({ url: server.url, model: "", timeoutSec: 5 }, { transport: fetchTransport(), sleep: async () => undefined });
const pcm = new Float32Array(1600);

it("after the server's retries, this chunk and the following ones go to the local engine", async () => {
  const local = localStandIn();
  const reasons: string[] = [];
  const engine = new ServerWithLocalFallback(serverEngine(), async () => local, (reason) => reasons.push(reason));
  expect((await engine.transcribe(pcm, { language: "es", threads: 1 })).segments[0].text).toBe("local");
  expect(await engine.transcribe(pcm, { language: "es", threads: 1 })).toMatchObject({ language: "es" });
  expect(server.requests).toHaveLength(4);
  expect(local.calls).toBe(2);
  expect(engine.fellBack).toBe(true);
  expect(reasons[0]).toContain("the server failed (HTTP 503): Service Unavailable (4 attempts)");
});

it("without a local model the error keeps the server's reason and adds the local one", async () => {
  const engine = new ServerWithLocalFallback(serverEngine(), async () => {
    throw new EngineError("no-model", "No Whisper model is installed.");
  });
  await expect(engine.transcribe(pcm, { language: "es", threads: 1 })).rejects.toMatchObject({
    code: "server-failed",
    message: expect.stringMatching(/HTTP 503.*The local engine could not take over: No Whisper model is installed\.$/),
  });
});
