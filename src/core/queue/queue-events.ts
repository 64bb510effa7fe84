import type { LogEntry } from "../log/entry";
import type { GeneratedValues } from "../log/merge-user-edits";
import type { ProcessorFindings, ProgressReport } from "../processing/processor-port";
import type { JobErrorCode } from "./error-codes";
import type { JobRecord, SettledStat } from "./job";
import type { LedgerRecord } from "./ledger";

/** Everything that can happen to the queue: vault events, engine answers, the user's commands. */
export type QueueEvent =
  /** The saved state is loaded (`baseline`: the attachments a first run marks as processed). */
  | { type: "started"; baseline?: string[] }
  /** Another device synced its state: learn what it processed. */
  | { type: "synced"; ledger: Record<string, LedgerRecord>; baseline: string[] }
  /** A new job, already checked against the ledger and the log (`done` when nothing is left to do). */
  | { type: "seen"; job: JobRecord }
  /** `stat`: the settled file's size and time, compared again once the engine is done. */
  | { type: "stable"; jobId: string; result: "stable" | "gone" | "empty"; stat?: SettledStat }
  /**
   * Its content hash; `duplicate` when the ledger has the same bytes under another path
   * (`placeholderTouched`: the user wrote in this copy's placeholder entry, so it cannot just go).
   */
  | { type: "hashed"; jobId: string; hash: string; duplicate?: { originalExists: boolean; placeholderTouched?: boolean } }
  /** `watched`: the new path is in the watched folders and watching is on. */
  | { type: "renamed"; path: string; oldPath: string; watched: boolean }
  | { type: "deleted"; path: string }
  | { type: "progress"; jobId: string; report: ProgressReport }
  /**
   * `file`, looked at again after the engine: still the bytes it read (the default), changed
   * meanwhile (a recorder that paused mid-write) or gone (deleted, and not found moved).
   */
  | { type: "engine-result"; jobId: string; findings: ProcessorFindings; file?: "unchanged" | "changed" | "gone" }
  /** `fileExists`: the attachment is still at the job's (current) path. */
  | { type: "engine-error"; jobId: string; code: JobErrorCode; message: string; fileExists: boolean }
  /** An entry write landed; `processed` for the finished entry. */
  | { type: "entry-written"; jobId: string; notePath: string; entryDate: string; generated: GeneratedValues; processed: boolean }
  /** A status entry could not be written (a read-only or protected note): the job cannot report, so it stops. */
  | { type: "write-failed"; jobId: string; message: string }
  | { type: "cancel"; jobId: string }
  | { type: "retry"; jobId: string }
  | { type: "pause" }
  | { type: "resume" }
  /** A model was installed or the settings changed: jobs waiting for the engine try again. */
  | { type: "engine-available" }
  | { type: "shutdown" };

/** What the runner must do after a step; results come back as events. */
export type QueueEffect =
  | { type: "write-status"; jobId: string; status: Exclude<LogEntry["status"], "Processed">; error?: string }
  | { type: "write-entry"; jobId: string; findings: ProcessorFindings }
  | { type: "rename-in-entry"; notePath: string; oldPath: string; path: string }
  /** The job's placeholder entry, if the user never touched it (its content turned out to be known). */
  | { type: "remove-placeholder"; jobId: string }
  /** A renamed attachment with no job nor entry yet, inside the watched folders: look at it as new. */
  | { type: "enqueue"; path: string }
  | { type: "wait-stable"; jobId: string }
  | { type: "hash"; jobId: string }
  | { type: "run-engine"; jobId: string }
  | { type: "abort"; jobId: string }
  | { type: "save" }
  | { type: "notify"; message: string };
