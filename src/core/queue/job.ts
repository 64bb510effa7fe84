import type { MediaKind } from "../media";
import type { GeneratedValues } from "../log/merge-user-edits";

/**
 * A job's life: waiting (for the file to stop growing) → queued → running → done | failed |
 * cancelled. Persisted, so a restart resumes: a running job is queued again and re-writes the
 * same entry in place, never a second one.
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
  error?: string;
  errorCode?: string;
  /** Shown in the queue view; not persisted meaningfully across restarts. */
  progress?: { fraction?: number; stage: string };
}

export type JobSnapshot = Readonly<Pick<JobRecord, "id" | "path" | "kind" | "state" | "attempts" | "error" | "progress">>;

export interface QueueSnapshot {
  paused: boolean;
  jobs: JobSnapshot[];
}

/** Error codes worth an automatic retry; the others need the user (bad file, no model). */
export const TRANSIENT_ERROR_CODES = new Set(["engine-crashed", "timeout", "internal"]);

export const isActive = (state: JobState) => state === "waiting" || state === "queued" || state === "running";
