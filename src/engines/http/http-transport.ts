/**
 * The HTTP transport port: one request in, the whole response out. The server engine only talks
 * through it, so the same engine code runs over Obsidian's requestUrl (plugin), Node's fetch
 * (CLI, tests, benchmarks) or the engine host's IPC bridge to either of them.
 */
export interface HttpRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer>;
  /** Whole request, connect to last byte. */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export type HttpFailureKind = "timeout" | "stalled" | "unreachable" | "too-large" | "cancelled";

/** A request that got no complete response; `message` is already written for the user. */
export class HttpTransportError extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "HttpTransportError";
  }
}

export interface HttpTransport {
  send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse>;
}

/** Responses larger than this are refused: a transcript of hours of speech is a few MB. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
