import type { MediaKind } from "../media";
import type { GeneratedValues } from "../log/merge-user-edits";
import type { JobErrorCode } from "./error-codes";

/**
 * A job's life: waiting (for the file to stop growing) → queued → running → done | failed |
 * cancelled. Persisted, so a restart resumes: a running job is queued again and re-writes the
 * same entry in place, never a second one. The transitions are `step` (queue-step.ts).
 */
export type JobState = "waiting" | "queued" | "running" | "done" | "failed" | "cancelled";

export interface JobRecord {
  id: string;
  path: string;
  kind: MediaKind;
  state: JobState;
  attempts: number;
  enqueuedAt: number;
  /** Re-process even if the ledger says the content is done. */
  force?: boolean;
  hash?: string;
  /** The log note that holds this job's entry. */
  notePath?: string;
  /** Entry date-time currently written. */
  entryDate?: string;
  generated?: GeneratedValues;
  /** Size and modification time when the file settled: a different file after the engine ran is processed again. */
  settled?: SettledStat;
  /** Same bytes as this processed attachment; processed on its own because the user wrote in its entry. */
  copyOf?: string;
  /** Names the attachment had while this job ran (renamed mid-job): its entry is found under them. */
  previousPaths?: string[];
  error?: string;
  errorCode?: JobErrorCode;
  /** Shown in the queue view; not persisted. */
  progress?: { fraction?: number; stage: string };
}

export interface SettledStat {
  size: number;
  mtime: number;
}

export type JobSnapshot = Readonly<Pick<JobRecord, "id" | "path" | "kind" | "state" | "attempts" | "error" | "progress">>;

export interface QueueSnapshot {
  paused: boolean;
  jobs: JobSnapshot[];
}

/** Not finished yet: waiting for its file, queued for the engine, or running. */
export const isActive = (state: JobState) => state === "waiting" || state === "queued" || state === "running";
