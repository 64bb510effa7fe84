import { randomUUID } from "node:crypto";

/**
 * Requests the engine host makes to its parent over IPC (HTTP through requestUrl, decoding in
 * Obsidian's renderer): each gets an id, waits for the parent's answer, and tells the parent to
 * stop when the caller aborts.
 */
export class ParentCalls<T> {
  private readonly waiting = new Map<string, { resolve(value: T): void; reject(error: Error): void }>();

  constructor(
    private readonly stop: (id: string) => void,
    private readonly cancelled: () => Error,
  ) {}

  /** `ask` receives the call's id and sends the request. */
  call(signal: AbortSignal | undefined, ask: (id: string) => void): Promise<T> {
    if (signal?.aborted) return Promise.reject(this.cancelled());
    const id = randomUUID();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.waiting.delete(id);
        this.stop(id);
        reject(this.cancelled());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = () => signal?.removeEventListener("abort", onAbort);
      this.waiting.set(id, {
        resolve: (value) => (done(), resolve(value)),
        reject: (error) => (done(), reject(error)),
      });
      ask(id);
    });
  }

  /** The parent's answer to call `id` (ignored when the call was cancelled meanwhile). */
  settle(id: string, outcome: { value: T } | { error: Error }): void {
    const pending = this.waiting.get(id);
    if (!pending) return;
    this.waiting.delete(id);
    if ("value" in outcome) pending.resolve(outcome.value);
    else pending.reject(outcome.error);
  }
}
