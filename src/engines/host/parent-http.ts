import { randomUUID } from "node:crypto";
import { HttpTransportError, type HttpRequest, type HttpResponse, type HttpTransport } from "../http/http-transport";
import type { HostRequest, HostResponse } from "./protocol";

type Answer = Extract<HostRequest, { type: "http-response" | "http-failed" }>;

/**
 * The transport inside the engine host: each request goes to the parent process over IPC and
 * the parent makes it (Obsidian's requestUrl in the plugin, fetch in the CLI), so the host
 * needs no network code of its own and the plugin's one connection limit covers every job.
 */
export class ParentHttpTransport implements HttpTransport {
  private readonly waiting = new Map<string, { resolve(r: HttpResponse): void; reject(e: Error): void }>();

  constructor(private readonly post: (message: HostResponse) => void) {}

  send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    if (signal?.aborted) return Promise.reject(new HttpTransportError("cancelled", "Cancelled."));
    const id = randomUUID();
    return new Promise<HttpResponse>((resolve, reject) => {
      const onAbort = () => {
        this.waiting.delete(id);
        this.post({ type: "http-cancel", id });
        reject(new HttpTransportError("cancelled", "Cancelled."));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = () => signal?.removeEventListener("abort", onAbort);
      this.waiting.set(id, {
        resolve: (response) => (done(), resolve(response)),
        reject: (error) => (done(), reject(error)),
      });
      this.post({ type: "http", id, request });
    });
  }

  /** The parent's answer to one of our requests. */
  answer(message: Answer): void {
    const pending = this.waiting.get(message.id);
    if (!pending) return;
    this.waiting.delete(message.id);
    if (message.type === "http-response") pending.resolve(message.response);
    else pending.reject(new HttpTransportError(message.kind, message.message));
  }
}
