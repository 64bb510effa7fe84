import type { GeneratedValues } from "../log/merge-user-edits";

/** One processed attachment, by content hash, so renames, moves and synced copies are not redone. */
export interface LedgerRecord {
  path: string;
  notePath: string;
  entryDate: string;
  processedAt: number;
  generated?: GeneratedValues;
}

export interface PersistedState {
  version: 1;
  jobs: import("./job").JobRecord[];
  /** Content hash → record. */
  ledger: Record<string, LedgerRecord>;
  /** Paths that were already in the vault on first run and were marked processed without work. */
  baseline: string[];
  /** "Pause watching" survives a restart. */
  paused?: boolean;
}

export function emptyState(): PersistedState {
  return { version: 1, jobs: [], ledger: {}, baseline: [] };
}

/** Accepts whatever was saved (nothing, an older shape, a damaged file) and returns a usable state. */
export function restoreState(raw: unknown): PersistedState {
  const state = emptyState();
  if (typeof raw !== "object" || raw === null) return state;
  const source = raw as Partial<PersistedState>;
  if (Array.isArray(source.jobs)) {
    state.jobs = source.jobs
      .filter((job) => job && typeof job.path === "string" && typeof job.id === "string")
      // A job that was running when Obsidian stopped runs again; its entry is updated in place.
      .map((job) => ({ ...job, state: job.state === "running" ? "queued" : job.state, progress: undefined }));
  }
  if (source.ledger && typeof source.ledger === "object") state.ledger = { ...source.ledger };
  if (Array.isArray(source.baseline)) state.baseline = source.baseline.filter((p) => typeof p === "string");
  state.paused = source.paused === true;
  return state;
}

export function ledgerRecordForPath(state: PersistedState, path: string): [string, LedgerRecord] | undefined {
  return Object.entries(state.ledger).find(([, record]) => record.path === path);
}
