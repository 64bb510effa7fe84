/** A loopback HTTP server that answers like Ollama's /api/generate, recording each request. */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface OllamaStandIn {
  url: string;
  requests: { path: string; body: Record<string, unknown> }[];
  /** Resolves when the next request has arrived whole. */
  nextRequest(): Promise<void>;
  close(): Promise<void>;
}

export function recordedAnswer(name: string): string {
  return readFileSync(path.resolve(__dirname, "../../fixtures/images/ollama", name), "utf8");
}

/**
 * knownModels: requests for any other model get Ollama's 404 "model not found". A silent stand-in
 * reads each request and never answers (a model that hangs), until it is closed.
 */
export async function startOllamaStandIn(answer: string, knownModels: string[], silent = false): Promise<OllamaStandIn> {
  const requests: OllamaStandIn["requests"] = [];
  let arrived: Array<() => void> = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      requests.push({ path: request.url ?? "", body });
      for (const resolve of arrived) resolve();
      arrived = [];
      const reply = () => {
        if (request.url !== "/api/generate") return void response.writeHead(404).end("404 page not found");
        if (!knownModels.includes(String(body.model))) {
          return void response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: `model "${String(body.model)}" not found, try pulling it first` }));
        }
        response.writeHead(200, { "content-type": "application/json" }).end(answer);
      };
      if (!silent) reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    nextRequest: () => new Promise<void>((resolve) => arrived.push(resolve)),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
