import type { StatePort } from "../ports";
import type { JobRecord, QueueSnapshot } from "../queue/job";
import { emptyState, restoreState, type PersistedState } from "../queue/ledger";

/** Keeps jobs, the ledger and the paused flag; saves after every change and tells listeners. */
export class JobStore {
  state: PersistedState = emptyState();
  paused = false;
  private readonly listeners = new Set<(snapshot: QueueSnapshot) => void>();
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly port: StatePort) {}

  async load(): Promise<void> {
    this.state = restoreState(await this.port.load());
    this.paused = this.state.paused === true;
  }

  /** Saves are chained so they land in order; callers may await the latest one. */
  changed(): Promise<void> {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
    const data: unknown = JSON.parse(JSON.stringify({ ...this.state, paused: this.paused, jobs: this.state.jobs.map(({ progress: _p, ...job }) => job) }));
    this.saving = this.saving.then(() => this.port.save(data)).catch(() => undefined);
    return this.saving;
  }

  /** Resolves when every save asked for so far has landed. */
  flush(): Promise<void> {
    return this.saving;
  }

  /** Progress is shown but not saved: it changes many times a second. */
  progressed(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }

  onChange(listener: (snapshot: QueueSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): QueueSnapshot {
    return {
      paused: this.paused,
      jobs: this.state.jobs.map(({ id, path, kind, state, attempts, error, progress }) => ({ id, path, kind, state, attempts, error, progress })),
    };
  }

  jobFor(path: string): JobRecord | undefined {
    // The newest job for a path is the one that speaks for it.
    for (let i = this.state.jobs.length - 1; i >= 0; i--) if (this.state.jobs[i].path === path) return this.state.jobs[i];
    return undefined;
  }

  /** Finished jobs are dropped after a while so data.json stays small; the ledger remembers. */
  prune(keepFinished = 200): void {
    const finished = this.state.jobs.filter((job) => job.state === "done");
    if (finished.length <= keepFinished) return;
    const drop = new Set(finished.slice(0, finished.length - keepFinished));
    this.state.jobs = this.state.jobs.filter((job) => !drop.has(job));
  }
}
