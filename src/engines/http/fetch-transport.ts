import { HttpTransportError, MAX_RESPONSE_BYTES, type HttpRequest, type HttpResponse, type HttpTransport } from "./http-transport";

export interface FetchTransportOptions {
  /** No byte for this long after the headers means the server stalled. */
  stallMs?: number;
  maxResponseBytes?: number;
}

/**
 * The port over Node's fetch (undici, keep-alive connections), for the CLI, the engine host
 * when it runs without a parent that does HTTP, tests and benchmarks. It reads the body itself
 * so a server that stops sending half-way is told apart from one that never answered.
 */
export function fetchTransport(options: FetchTransportOptions = {}): HttpTransport {
  const stallMs = options.stallMs ?? 60_000;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  return {
    async send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
      const controller = new AbortController();
      // The first reason wins: a cancel during a stall is a cancel.
      const state: { failure?: HttpTransportError } = {};
      const fail = (error: HttpTransportError) => {
        state.failure ??= error;
        controller.abort(error);
      };
      const onAbort = () => fail(new HttpTransportError("cancelled", "Cancelled."));
      if (signal?.aborted) onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      const seconds = Math.round(request.timeoutMs / 100) / 10;
      const total = setTimeout(() => fail(new HttpTransportError("timeout", `the server did not answer within ${seconds} s`)), request.timeoutMs);
      let stall: NodeJS.Timeout | undefined;
      try {
        // Outside Obsidian's renderer (CLI, engine host without a parent, tests): Node's own fetch; the plugin uses requestUrl.
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: controller.signal,
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
        const chunks: Uint8Array[] = [];
        let received = 0;
        const armStall = () => {
          clearTimeout(stall);
          stall = setTimeout(
            () => fail(new HttpTransportError("stalled", `the server stopped sending after ${received} bytes`)),
            stallMs,
          );
        };
        armStall();
        if (response.body) {
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
            received += chunk.byteLength;
            if (received > maxBytes) {
              fail(new HttpTransportError("too-large", `the server's answer is larger than ${Math.round(maxBytes / 1048576)} MB`));
              break;
            }
            chunks.push(chunk);
            armStall();
          }
        }
        if (state.failure) throw state.failure;
        return { status: response.status, headers, body: Buffer.concat(chunks).toString("utf8") };
      } catch (error) {
        if (state.failure) throw state.failure;
        throw new HttpTransportError("unreachable", `could not reach the server (${causeOf(error)})`);
      } finally {
        clearTimeout(total);
        clearTimeout(stall);
        signal?.removeEventListener("abort", onAbort);
      }
    },
  };
}

/** undici hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
