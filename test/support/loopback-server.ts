/**
 * A real HTTP server on 127.0.0.1 (random port) whose answers a test scripts, for the server
 * engine's tests and benchmark. It records each request (headers and the parsed multipart form)
 * and counts the TCP connections clients opened.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  form: FormData;
}

export type Reply = (request: RecordedRequest, response: http.ServerResponse, index: number) => void | Promise<void>;

export interface LoopbackServer {
  url: string;
  requests: RecordedRequest[];
  connections: number;
  close(): Promise<void>;
}

export async function startLoopbackServer(reply: Reply): Promise<LoopbackServer> {
  const state = { requests: [] as RecordedRequest[], connections: 0 };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    let form = new FormData();
    if ((req.headers["content-type"] ?? "").startsWith("multipart/")) {
      form = await new Request("http://x/", { method: "POST", headers: { "content-type": req.headers["content-type"]! }, body }).formData();
    }
    const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, form };
    state.requests.push(recorded);
    await reply(recorded, res, state.requests.length - 1);
  });
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/audio/transcriptions`,
    get requests() {
      return state.requests;
    },
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a body with a content type and status. */
export function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type });
  res.end(body);
}
