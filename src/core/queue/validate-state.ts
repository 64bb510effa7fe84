import { checkVaultPath } from "../paths/vault-path";
import type { JobRecord, JobState } from "./job";
import type { LedgerRecord } from "./ledger";

/**
 * state.json lives in the vault and data.json syncs: either can be damaged or crafted. A record
 * whose paths would leave the vault, or that lacks what its state needs, is dropped with a warning.
 */
type Warn = (message: string) => void;
type Raw = Record<string, unknown>;

const STATES: JobState[] = ["waiting", "queued", "running", "done", "failed", "cancelled"];
const LOCAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isRecord = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);
const notePathOk = (value: unknown) => value === undefined || (typeof value === "string" && checkVaultPath(value).ok && value.endsWith(".md"));
const dateOk = (value: unknown) => typeof value === "string" && LOCAL_ISO.test(value) && !Number.isNaN(Date.parse(value.slice(0, 16)));

export function validJob(raw: unknown, warn: Warn): JobRecord | null {
  if (!isRecord(raw) || typeof raw.id !== "string") {
    warn("Dropped a saved job without an id.");
    return null;
  }
  const path = checkVaultPath(raw.path);
  const problem = !path.ok
    ? `its path ${path.reason}`
    : raw.kind !== "audio" && raw.kind !== "image"
      ? "it has no media kind"
      : !notePathOk(raw.notePath)
        ? "its note path is not a note inside the vault"
        : raw.entryDate !== undefined && !dateOk(raw.entryDate)
          ? "its entry date is not a date"
          : raw.entryDate === undefined && ["waiting", "queued", "running"].includes(String(raw.state))
            ? "it has no entry date (it is queued again when the file is seen)"
            : null;
  if (problem) {
    warn(`Dropped saved job ${JSON.stringify(raw.path)}: ${problem}.`);
    return null;
  }
  const job = { ...raw } as unknown as JobRecord;
  job.path = (path as { path: string }).path;
  if (!STATES.includes(job.state)) job.state = "queued";
  if (typeof job.attempts !== "number" || !Number.isFinite(job.attempts)) job.attempts = 0;
  if (typeof job.enqueuedAt !== "number" || !Number.isFinite(job.enqueuedAt)) job.enqueuedAt = 0;
  if (job.hash !== undefined && typeof job.hash !== "string") delete job.hash;
  const settled = job.settled as unknown;
  if (settled !== undefined && !(isRecord(settled) && Number.isFinite(settled.size) && Number.isFinite(settled.mtime))) delete job.settled;
  return job;
}

export function validLedger(raw: unknown, warn: Warn): Record<string, LedgerRecord> {
  const ledger: Record<string, LedgerRecord> = {};
  if (!isRecord(raw)) return ledger;
  for (const [hash, record] of Object.entries(raw)) {
    if (isRecord(record) && checkVaultPath(record.path).ok && record.notePath !== undefined && notePathOk(record.notePath) && dateOk(record.entryDate)) {
      ledger[hash] = record as unknown as LedgerRecord;
    } else {
      warn(`Dropped a saved ledger record for ${JSON.stringify(isRecord(record) ? record.path : hash)}: its paths or date are not valid.`);
    }
  }
  return ledger;
}
