import { requestUrl } from "obsidian";
import { HttpTransportError, MAX_RESPONSE_BYTES, type HttpRequest, type HttpResponse, type HttpTransport } from "../engines/http/http-transport";

/**
 * The HTTP transport port over Obsidian's requestUrl (no CORS limits, Obsidian's own network
 * stack and proxy settings). requestUrl cannot be aborted and does not stream, so a timeout or
 * a cancel stops waiting for the answer, and a stall shows up as a timeout.
 */
export const requestUrlTransport: HttpTransport = {
  async send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    if (signal?.aborted) throw new HttpTransportError("cancelled", "Cancelled.");
    const { "content-type": contentType, ...headers } = request.headers;
    const body = request.body ? request.body.slice().buffer : undefined;
    const call = requestUrl({ url: request.url, method: request.method, contentType, headers, body, throw: false });
    let timer: number | undefined;
    let onAbort: () => void = () => undefined;
    const seconds = Math.round(request.timeoutMs / 100) / 10;
    const stop = new Promise<never>((_, reject) => {
      timer = window.setTimeout(() => reject(new HttpTransportError("timeout", `the server did not answer within ${seconds} s`)), request.timeoutMs);
      onAbort = () => reject(new HttpTransportError("cancelled", "Cancelled."));
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    try {
      const response = await Promise.race([call, stop]);
      if (response.arrayBuffer.byteLength > MAX_RESPONSE_BYTES) {
        throw new HttpTransportError("too-large", `the server's answer is larger than ${Math.round(MAX_RESPONSE_BYTES / 1048576)} MB`);
      }
      const lower: Record<string, string> = {};
      for (const [key, value] of Object.entries(response.headers)) lower[key.toLowerCase()] = value;
      return { status: response.status, headers: lower, body: response.text };
    } catch (error) {
      if (error instanceof HttpTransportError) throw error;
      throw new HttpTransportError("unreachable", `could not reach the server (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      window.clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      // The answer may still come after a timeout; nobody waits for it.
      call.catch(() => undefined);
    }
  },
};
