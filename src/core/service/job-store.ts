import type { StatePort } from "../ports";
import type { QueueSnapshot } from "../queue/job";
import { restoreState, type PersistedState } from "../queue/ledger";

/** Loads and saves the queue's state (in order) and tells listeners about every change. */
export class JobStore {
  private readonly listeners = new Set<(snapshot: QueueSnapshot) => void>();
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly port: StatePort) {}

  async load(): Promise<PersistedState> {
    return restoreState(await this.port.load());
  }

  /** Saves are chained so they land in order; progress and what only lives while running are left out. */
  save(state: PersistedState): Promise<void> {
    const { version, ledger, baseline, paused } = state;
    const jobs = state.jobs.map(({ progress: _progress, ...job }) => job);
    const data: unknown = JSON.parse(JSON.stringify({ version, jobs, ledger, baseline, paused }));
    this.saving = this.saving.then(() => this.port.save(data)).catch(() => undefined);
    return this.saving;
  }

  /** Resolves when every save asked for so far has landed. */
  flush(): Promise<void> {
    return this.saving;
  }

  changed(state: PersistedState): void {
    const snapshot = snapshotOf(state);
    for (const listener of this.listeners) listener(snapshot);
  }

  onChange(listener: (snapshot: QueueSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function snapshotOf(state: PersistedState): QueueSnapshot {
  return {
    paused: state.paused === true,
    jobs: state.jobs.map(({ id, path, kind, state: jobState, attempts, error, progress }) => ({ id, path, kind, state: jobState, attempts, error, progress })),
  };
}
