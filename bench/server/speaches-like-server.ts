/**
 * A loopback server that answers like speaches (verbose_json, one segment per 3 s of audio)
 * after a fixed delay, run in its own process so its work never counts against the client's
 * event loop. It reports, over IPC, how many TCP connections clients opened and the most
 * requests it had in flight at once.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ServerCounts {
  connections: number;
  maxInFlight: number;
  requests: number;
}

function speachesAnswer(audioSec: number): string {
  const segments = Array.from({ length: Math.max(1, Math.floor(audioSec / 3)) }, (_, i) => ({
    id: i + 1, seek: 0, start: i * 3, end: i * 3 + 3, text: ` Segmento ${i + 1} de la grabación.`,
    tokens: [50364, 1012, 2044], temperature: 0, avg_logprob: -0.25, compression_ratio: 1.1, no_speech_prob: 0.02,
  }));
  return JSON.stringify({ task: "transcribe", language: "es", duration: audioSec, text: segments.map((s) => s.text).join(""), words: null, segments });
}

export function serveLikeSpeaches(delayMs: number): void {
  const counts: ServerCounts = { connections: 0, maxInFlight: 0, requests: 0 };
  let inFlight = 0;
  const server = http.createServer((req, res) => {
    inFlight++;
    counts.requests++;
    counts.maxInFlight = Math.max(counts.maxInFlight, inFlight);
    let bytes = 0;
    req.on("data", (chunk: Buffer) => (bytes += chunk.length));
    req.on("end", () => {
      // A 16 kHz 16-bit WAV inside the multipart form: about 32 kB per second of audio.
      const audioSec = Math.round(bytes / 32000);
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(speachesAnswer(audioSec), () => inFlight--);
      }, delayMs);
    });
  });
  server.on("connection", () => counts.connections++);
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    process.send!({ type: "listening", url: `http://127.0.0.1:${port}/v1/audio/transcriptions` });
  });
  process.on("message", (message: { type: string }) => {
    if (message.type === "counts") process.send!({ type: "counts", counts });
    if (message.type === "stop") {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    }
  });
}
