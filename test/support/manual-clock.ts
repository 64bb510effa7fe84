import type { Clock } from "../../src/core/ports";

interface Sleeper {
  due: number;
  wake(): void;
}

/**
 * A clock whose time moves only when the test says so, so no test races the machine's speed.
 * `tick()` wakes the next sleeper (setting the time to when it was due); with `autoAdvance`
 * every sleep is woken on the next turn of the event loop, in due order, as if time flew.
 */
export class ManualClock implements Clock {
  private ms: number;
  private readonly sleepers: Sleeper[] = [];
  private readonly arrivals = new Set<() => void>();
  autoAdvance: boolean;

  constructor(options: { start?: Date; autoAdvance?: boolean } = {}) {
    this.ms = (options.start ?? new Date()).getTime();
    this.autoAdvance = options.autoAdvance ?? false;
  }

  now(): Date {
    return new Date(this.ms);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new Error("aborted"));
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = { due: this.ms + ms, wake: () => (signal?.removeEventListener("abort", onAbort), resolve()) };
      const onAbort = () => {
        this.remove(sleeper);
        reject(new Error("aborted"));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.sleepers.push(sleeper);
      for (const arrived of [...this.arrivals]) arrived();
      if (this.autoAdvance) setImmediate(() => this.autoAdvance && this.wakeNext());
    });
  }

  /** How many sleeps are pending (the code under test is waiting on the clock). */
  get pending(): number {
    return this.sleepers.length;
  }

  /** Resolves once at least `count` sleeps are pending. */
  async sleeping(count = 1): Promise<void> {
    while (this.sleepers.length < count) {
      await new Promise<void>((resolve) => {
        const arrived = () => (this.arrivals.delete(arrived), resolve());
        this.arrivals.add(arrived);
      });
    }
  }

  /** Waits for a sleep, then moves time to when it is due and wakes it (and any due with it). */
  async tick(): Promise<void> {
    await this.sleeping(1);
    this.wakeNext();
  }

  /** Moves time forward by `ms`, waking every sleep due by then; nothing else happens in between. */
  advance(ms: number): void {
    const target = this.ms + ms;
    for (let next = this.earliest(); next && next.due <= target; next = this.earliest()) this.wake(next);
    this.ms = target;
  }

  private wakeNext(): void {
    const next = this.earliest();
    if (next) this.wake(next);
  }

  private wake(sleeper: Sleeper): void {
    this.ms = Math.max(this.ms, sleeper.due);
    this.remove(sleeper);
    sleeper.wake();
  }

  private earliest(): Sleeper | undefined {
    return this.sleepers.reduce<Sleeper | undefined>((best, s) => (!best || s.due < best.due ? s : best), undefined);
  }

  private remove(sleeper: Sleeper): void {
    const at = this.sleepers.indexOf(sleeper);
    if (at >= 0) this.sleepers.splice(at, 1);
  }
}
