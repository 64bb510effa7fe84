import type { HttpRequest, HttpResponse, HttpTransport } from "./http-transport";

/**
 * At most `limit` requests in flight through one transport: with keep-alive that is also at
 * most `limit` connections to the server, however many jobs are queued (bench/server).
 */
export function limitConcurrency(transport: HttpTransport, limit: number): HttpTransport {
  let active = 0;
  const waiting: Array<() => void> = [];
  // A finished request hands its slot straight to the next waiter, so none can slip in between,
  // on the next turn of the event loop: by then fetch (undici) has put the finished connection
  // back in its pool and reuses it; handed over at once, it opened a new one (7-8 connections
  // for 4 in flight in bench/server).
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    async send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
      if (active < limit) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await transport.send(request, signal);
      } finally {
        // A timer, not setImmediate: this also runs in Obsidian's window, where only web timers are sure to exist.
        setTimeout(release, 0);
      }
    },
  };
}
