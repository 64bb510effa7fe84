import { fetchTransport } from "./fetch-transport";
import type { HttpTransport } from "./http-transport";

/**
 * The transport engines in this process use: the engine host sets its IPC bridge to the parent
 * at start-up; code running without a host (tests, scripts) gets Node's fetch.
 */
let current: HttpTransport | null = null;

export function setProcessTransport(transport: HttpTransport): void {
  current = transport;
}

export function processTransport(): HttpTransport {
  current ??= fetchTransport();
  return current;
}
