/**
 * Why a job could not finish. Core owns the list: the engines report these codes and the queue
 * decides from them whether to retry, wait for the engine or ask the user.
 */
export const JOB_ERROR_CODES = [
  "cancelled",
  "timeout",
  "missing-file",
  "empty-file",
  "corrupt-media",
  "unsupported-media",
  "no-model",
  "engine-crashed",
  "download-failed",
  "server-failed",
  /** The log note refused the write (read-only, protected): the user must free it. */
  "note-not-writable",
  "internal",
] as const;

export type JobErrorCode = (typeof JOB_ERROR_CODES)[number];

/**
 * Worth an automatic retry; the others need the user (a bad file, no model). A transcription
 * server that stayed down through the engine's own retries may be back for the next attempt.
 */
export const TRANSIENT_ERROR_CODES: ReadonlySet<JobErrorCode> = new Set(["engine-crashed", "timeout", "internal", "server-failed"]);

/** The engine cannot run any job until something changes (a model is installed): jobs wait for it. */
export const ENGINE_UNAVAILABLE_CODES: ReadonlySet<JobErrorCode> = new Set(["no-model"]);

/** Files that may be completed later by sync: a change to the file queues them again. */
export const INCOMPLETE_FILE_CODES: ReadonlySet<JobErrorCode> = new Set(["empty-file", "corrupt-media"]);

/** What a job says when its file is gone or empty, whichever side (queue or engine) finds it. */
export const MISSING_FILE_MESSAGE = "The file no longer exists (it was moved, renamed or deleted).";
export const EMPTY_FILE_MESSAGE = "The file is empty (0 bytes).";

/** Any thrown value as a code core knows (unknown codes are "internal"). */
export function jobErrorCodeOf(error: unknown): JobErrorCode {
  const code = (error as { code?: unknown } | null)?.code;
  return (JOB_ERROR_CODES as readonly unknown[]).includes(code) ? (code as JobErrorCode) : "internal";
}
