import { HttpTransportError, type HttpRequest, type HttpResponse, type HttpTransport } from "../http/http-transport";
import { ParentCalls } from "./parent-calls";
import type { HostRequest, HostResponse } from "./protocol";

type Answer = Extract<HostRequest, { type: "http-response" | "http-failed" }>;

/**
 * The transport inside the engine host: each request goes to the parent process over IPC and
 * the parent makes it (Obsidian's requestUrl in the plugin, fetch in the CLI), so the host
 * needs no network code of its own and the plugin's one connection limit covers every job.
 */
export class ParentHttpTransport implements HttpTransport {
  private readonly calls: ParentCalls<HttpResponse>;

  constructor(private readonly post: (message: HostResponse) => void) {
    this.calls = new ParentCalls<HttpResponse>(
      (id) => post({ type: "http-cancel", id }),
      () => new HttpTransportError("cancelled", "Cancelled."),
    );
  }

  send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    return this.calls.call(signal, (id) => this.post({ type: "http", id, request }));
  }

  /** The parent's answer to one of our requests. */
  answer(message: Answer): void {
    this.calls.settle(message.id, message.type === "http-response" ? { value: message.response } : { error: new HttpTransportError(message.kind, message.message) });
  }
}
