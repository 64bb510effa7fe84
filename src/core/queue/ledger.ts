import type { GeneratedValues } from "../log/merge-user-edits";
import { checkVaultPath } from "../paths/vault-path";
import { validJob, validLedger } from "./validate-state";

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

const warnInConsole = (message: string) => console.warn(`Bitácora: ${message}`);

/**
 * Accepts whatever was saved (nothing, an older shape, a damaged or crafted file) and returns a
 * usable state; records that cannot be trusted are dropped and `warn` says which.
 */
export function restoreState(raw: unknown, warn: (message: string) => void = warnInConsole): PersistedState {
  const state = emptyState();
  if (typeof raw !== "object" || raw === null) return state;
  const source = raw as Partial<PersistedState>;
  if (Array.isArray(source.jobs)) {
    state.jobs = (source.jobs as unknown[])
      .map((job) => validJob(job, warn))
      .filter((job) => job !== null)
      // A job that was running when Obsidian stopped runs again; its entry is updated in place.
      .map((job) => ({ ...job, state: job.state === "running" ? "queued" : job.state, progress: undefined }));
  }
  state.ledger = validLedger(source.ledger, warn);
  if (Array.isArray(source.baseline)) state.baseline = source.baseline.filter((p) => checkVaultPath(p).ok);
  state.paused = source.paused === true;
  return state;
}

export function ledgerRecordForPath(state: PersistedState, path: string): [string, LedgerRecord] | undefined {
  return Object.entries(state.ledger).find(([, record]) => record.path === path);
}

/**
 * Two devices' ledgers (or a synced copy and this device's) as one: every hash either knows is
 * kept. When both know a hash, the later processing wins (ties keep `ours`), so every device
 * settles on the same record.
 */
export function mergeLedgers(ours: Record<string, LedgerRecord>, theirs: Record<string, LedgerRecord>): Record<string, LedgerRecord> {
  const merged: Record<string, LedgerRecord> = { ...ours };
  for (const [hash, record] of Object.entries(theirs)) {
    const mine = merged[hash];
    if (!mine || record.processedAt > mine.processedAt) merged[hash] = record;
  }
  return merged;
}
