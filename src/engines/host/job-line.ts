import { cancelledError } from "./engine-error";

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

interface Entry<T> {
  key: string;
  work: (signal: AbortSignal, ids: () => string[]) => Promise<T>;
  waiters: Map<string, Waiter<T>>;
  controller: AbortController;
  started: boolean;
}

/**
 * The engine host's own queue: one job at a time, in arrival order (two whisper.cpp runs side by
 * side only compete for the same cores and memory). A request for work that is already waiting or
 * running under the same key joins it instead of running twice.
 */
export class JobLine<T> {
  private readonly entries: Entry<T>[] = [];
  private busy = false;

  /** `work` gets a signal and the ids still waiting for it (to send progress to each). */
  add(id: string, key: string, work: Entry<T>["work"]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const twin = this.entries.find((entry) => entry.key === key && !entry.controller.signal.aborted);
      const entry = twin ?? { key, work, waiters: new Map(), controller: new AbortController(), started: false };
      entry.waiters.set(id, { resolve, reject });
      if (!twin) this.entries.push(entry);
      this.next();
    });
  }

  /**
   * That id gives up. Work nobody else waits for is dropped if it has not started, or aborted if it
   * has: then the answer comes when it has really stopped (the client kills a host that does not).
   */
  cancel(id: string): void {
    const entry = this.entries.find((candidate) => candidate.waiters.has(id));
    if (!entry) return;
    if (entry.started && entry.waiters.size === 1) return entry.controller.abort();
    entry.waiters.get(id)?.reject(cancelledError());
    entry.waiters.delete(id);
    if (entry.waiters.size === 0) this.entries.splice(this.entries.indexOf(entry), 1);
  }

  /** Ids waiting or running, in order (for tests and diagnostics). */
  get ids(): string[] {
    return this.entries.flatMap((entry) => [...entry.waiters.keys()]);
  }

  private next(): void {
    const entry = this.entries[0];
    if (this.busy || !entry) return;
    this.busy = true;
    entry.started = true;
    entry
      .work(entry.controller.signal, () => [...entry.waiters.keys()])
      .then(
        (value) => entry.waiters.forEach((waiter) => waiter.resolve(value)),
        (error: unknown) => entry.waiters.forEach((waiter) => waiter.reject(entry.controller.signal.aborted ? cancelledError() : error)),
      )
      .finally(() => {
        this.entries.splice(this.entries.indexOf(entry), 1);
        this.busy = false;
        this.next();
      });
  }
}
