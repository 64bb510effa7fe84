/**
 * However many chunks are sent at once, the parent's transport (limitConcurrency over Node's
 * fetch, as EngineClient builds it) keeps at most 4 requests in flight and reuses its
 * keep-alive connections: counted on a real loopback server's side.
 */
import { MAX_SERVER_CONNECTIONS } from "../../../src/engines/host/engine-client";
import { fetchTransport } from "../../../src/engines/http/fetch-transport";
import type { HttpTransport } from "../../../src/engines/http/http-transport";
import { limitConcurrency } from "../../../src/engines/http/limit-concurrency";
import { ServerWhisperEngine } from "../../../src/engines/whisper/server-whisper-engine";
import { send, startLoopbackServer } from "../../support/loopback-server";
import { SPEACHES_VERBOSE } from "./server-shapes";

test("12 chunks at once: at most 4 in flight on at most 4 connections, every transcript back", async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  const server = await startLoopbackServer(async (_request, res) => {
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    // Answer on a later turn so the requests overlap, whatever the machine's speed.
    await new Promise((resolve) => setImmediate(resolve));
    inFlight--;
    send(res, 200, "application/json", JSON.stringify(SPEACHES_VERBOSE));
  });
  try {
    const fetchIt = fetchTransport();
    let sent = 0;
    let maxSent = 0;
    const counted: HttpTransport = {
      send: async (request, signal) => {
        maxSent = Math.max(maxSent, ++sent);
        try {
          return await fetchIt.send(request, signal);
        } finally {
          sent--;
        }
      },
    };
    const transport = limitConcurrency(counted, MAX_SERVER_CONNECTIONS);
    const engine = new ServerWhisperEngine({ url: server.url, model: "", timeoutSec: 30 }, { transport });
    const results = await Promise.all(Array.from({ length: 12 }, () => engine.transcribe(new Float32Array(16000), { language: "es", threads: 1 })));
    expect(results.every((result) => result.segments.length === 1)).toBe(true);
    expect(server.requests).toHaveLength(12);
    expect(maxSent).toBe(MAX_SERVER_CONNECTIONS);
    expect(maxInFlight).toBeLessThanOrEqual(MAX_SERVER_CONNECTIONS);
    expect(server.connections).toBeLessThanOrEqual(MAX_SERVER_CONNECTIONS);
  } finally {
    await server.close();
  }
});
