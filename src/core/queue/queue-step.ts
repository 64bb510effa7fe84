import { EMPTY_FILE_MESSAGE, ENGINE_UNAVAILABLE_CODES, TRANSIENT_ERROR_CODES } from "./error-codes";
import { isActive, type JobRecord } from "./job";
import type { PersistedState } from "./ledger";
import type { QueueEffect, QueueEvent } from "./queue-events";

/** The queue as the state machine sees it: what is saved, plus what only lives while running. */
export interface QueueState extends PersistedState {
  paused: boolean;
  /** Obsidian is closing or the plugin unloads: nothing new starts, running jobs stay "running" on disk. */
  stopped: boolean;
  /** Why the engine cannot run now (no model): queued jobs wait until it is available again. */
  engineUnavailable?: string;
}

export interface QueueRules {
  maxAttempts: number;
  /** Jobs wait when the engine is unavailable (the plugin) instead of failing (a CLI batch run). */
  waitForEngine: boolean;
}

export interface Step {
  state: QueueState;
  effects: QueueEffect[];
}

export const DELETED_REASON = "The attachment was deleted before it was processed.";
export const DELETED_MID_JOB_REASON = "The attachment was deleted while it was being processed; nothing links to a missing file.";
export const CANCELLED_REASON = "Cancelled.";

/**
 * The job lifecycle as a pure function: no I/O, no clock but `now`, no mutation of `state`.
 * The runner (BitacoraService) performs the effects and feeds their outcomes back as events.
 */
export function step(state: QueueState, event: QueueEvent, now: number, rules: QueueRules): Step {
  const next = transition(state, event, now, rules);
  return startNext(next.state, next.effects);
}

function transition(state: QueueState, event: QueueEvent, now: number, rules: QueueRules): Step {
  switch (event.type) {
    case "started": {
      const waiting = state.jobs.filter((job) => job.state === "waiting");
      const effects: QueueEffect[] = waiting.map((job) => ({ type: "wait-stable", jobId: job.id }));
      return { state: { ...state, baseline: event.baseline ?? state.baseline }, effects: [{ type: "save" }, ...effects] };
    }
    case "synced": {
      const baseline = [...state.baseline, ...event.baseline.filter((path) => !state.baseline.includes(path))];
      return saved({ ...state, ledger: { ...event.ledger, ...state.ledger }, baseline });
    }
    case "seen": {
      const open = latestJobFor(state, event.job.path);
      if (open && isActive(open.state)) return unchanged(state);
      const jobs = pruneFinished([...state.jobs, event.job]);
      if (event.job.state === "done") return { state: { ...state, jobs }, effects: [{ type: "save" }] };
      const id = event.job.id;
      return { state: { ...state, jobs }, effects: [{ type: "write-status", jobId: id, status: "Not Processed" }, { type: "save" }, { type: "wait-stable", jobId: id }] };
    }
    case "stable":
      return onJob(state, event.jobId, ["waiting"], (job) => {
        if (event.result === "gone") return cancelled(state, job, DELETED_REASON);
        if (event.result === "empty") return failed(state, job, "empty-file", EMPTY_FILE_MESSAGE, rules);
        return { state: withJob(state, { ...job, settled: event.stat }), effects: [{ type: "hash", jobId: job.id }] };
      });
    case "hashed":
      return onJob(state, event.jobId, ["waiting"], (job) => {
        const hashed = { ...job, hash: event.hash };
        const record = state.ledger[event.hash];
        if (!event.duplicate || job.force || !record || record.path === job.path) {
          return saved(withJob(state, { ...hashed, state: "queued" }));
        }
        // The user wrote in the copy's placeholder: it becomes an entry of its own, never a "Not Processed" left behind.
        if (event.duplicate.placeholderTouched) return saved(withJob(state, { ...hashed, state: "queued", copyOf: record.path }));
        const effects: QueueEffect[] = [{ type: "remove-placeholder", jobId: job.id }];
        let ledger = state.ledger;
        // The original is gone: the same recording was moved outside Obsidian. The entry follows it.
        if (!event.duplicate.originalExists) {
          ledger = { ...ledger, [event.hash]: { ...record, path: job.path } };
          effects.push({ type: "rename-in-entry", notePath: record.notePath, oldPath: record.path, path: job.path });
        }
        const done = { ...hashed, state: "done" as const, error: `Same content as ${record.path}; not processed again.` };
        return { state: withJob({ ...state, ledger }, done), effects: [...effects, { type: "save" }] };
      });
    case "renamed":
      return renamed(state, event.path, event.oldPath, event.watched);
    case "deleted": {
      const job = latestJobFor(state, event.path);
      return job && isActive(job.state) ? cancelled(state, job, DELETED_REASON) : unchanged(state);
    }
    case "progress":
      return onJob(state, event.jobId, ["running"], (job) => ({ state: withJob(state, { ...job, progress: event.report }), effects: [] }));
    case "engine-result":
      return onJob(state, event.jobId, ["running"], (job) => {
        if (state.stopped) return unchanged(state);
        if (event.file === "gone") return cancelled(state, job, DELETED_MID_JOB_REASON);
        // The file changed while the engine read it: wait for it to settle and run again, same entry.
        if (event.file === "changed") {
          const again = { ...job, state: "waiting" as const, attempts: job.attempts - 1, progress: undefined, settled: undefined };
          return { state: withJob(state, again), effects: [{ type: "write-status", jobId: job.id, status: "Not Processed" }, { type: "save" }, { type: "wait-stable", jobId: job.id }] };
        }
        const writing = { ...job, progress: { stage: "Writing entry", fraction: 1 } };
        return { state: withJob(state, writing), effects: [{ type: "write-entry", jobId: job.id, findings: event.findings }] };
      });
    case "entry-written":
      return entryWritten(state, event, now);
    case "engine-error":
      return onJob(state, event.jobId, ["running"], (job) => {
        // Obsidian closing: the job stays "running" on disk and runs again at the next start.
        if (state.stopped) return unchanged(state);
        // Renamed mid-job, it failed as missing under its old name: run it again under the new one.
        if (event.code === "missing-file" && job.previousPaths?.length && event.fileExists) {
          return saved(withJob(state, { ...job, state: "queued", progress: undefined }));
        }
        if (ENGINE_UNAVAILABLE_CODES.has(event.code) && rules.waitForEngine) {
          const waiting = { ...job, state: "queued" as const, attempts: job.attempts - 1, progress: undefined, error: event.message, errorCode: event.code };
          const effects: QueueEffect[] = [{ type: "write-status", jobId: job.id, status: "Not Processed" }, { type: "save" }];
          // Said once: every other job would fail the same way until a model arrives.
          if (!state.engineUnavailable) effects.push({ type: "notify", message: `Bitácora: ${event.message} Attachments wait in the queue until then.` });
          return { state: withJob({ ...state, engineUnavailable: event.message }, waiting), effects };
        }
        if (TRANSIENT_ERROR_CODES.has(event.code) && job.attempts < rules.maxAttempts) {
          return saved(withJob(state, { ...job, state: "queued", progress: undefined, error: event.message, errorCode: event.code }));
        }
        return failed(state, job, event.code, event.message, rules);
      });
    case "write-failed":
      return onJob(state, event.jobId, ["waiting", "queued", "running"], (job) => {
        const stopped = failed(state, job, "note-not-writable", event.message, rules);
        return job.state === "queued" ? stopped : { ...stopped, effects: [{ type: "abort", jobId: job.id }, ...stopped.effects] };
      });
    case "cancel":
      return onJob(state, event.jobId, ["waiting", "queued", "running"], (job) => cancelled(state, job, CANCELLED_REASON));
    case "retry":
      return onJob(state, event.jobId, ["done", "failed", "cancelled"], (job) => {
        const again = { ...job, state: "waiting" as const, attempts: 0, error: undefined, errorCode: undefined, force: true };
        return { state: withJob(state, again), effects: [{ type: "save" }, { type: "wait-stable", jobId: job.id }] };
      });
    case "pause":
      return saved({ ...state, paused: true });
    case "resume":
      return saved({ ...state, paused: false });
    case "engine-available":
      return state.engineUnavailable ? { state: { ...state, engineUnavailable: undefined }, effects: [] } : unchanged(state);
    case "shutdown": {
      const effects: QueueEffect[] = state.jobs.filter((job) => job.state === "waiting" || job.state === "running").map((job) => ({ type: "abort", jobId: job.id }));
      return { state: { ...state, stopped: true }, effects };
    }
  }
}

/** One job runs at a time (the engine process runs one): the first queued starts when none runs. */
function startNext(state: QueueState, effects: QueueEffect[]): Step {
  if (state.paused || state.stopped || state.engineUnavailable || state.jobs.some((job) => job.state === "running")) return { state, effects };
  const job = state.jobs.find((candidate) => candidate.state === "queued");
  if (!job) return { state, effects };
  const running: JobRecord = { ...job, state: "running", attempts: job.attempts + 1, progress: { stage: "Starting", fraction: 0 } };
  return {
    state: withJob(state, running),
    effects: [...effects.filter((effect) => effect.type !== "save"), { type: "save" }, { type: "write-status", jobId: job.id, status: "In Progress" }, { type: "run-engine", jobId: job.id }],
  };
}

function renamed(state: QueueState, path: string, oldPath: string, watched: boolean): Step {
  const job = latestJobFor(state, oldPath);
  const ledgerHash = Object.keys(state.ledger).find((hash) => state.ledger[hash].path === oldPath);
  const inBaseline = state.baseline.includes(oldPath);
  let next: QueueState = {
    ...state,
    baseline: inBaseline ? state.baseline.map((p) => (p === oldPath ? path : p)) : state.baseline,
    ledger: ledgerHash ? { ...state.ledger, [ledgerHash]: { ...state.ledger[ledgerHash], path } } : state.ledger,
  };
  if (job) {
    const previousPaths = job.state === "running" ? [...(job.previousPaths ?? []), oldPath] : job.previousPaths;
    next = withJob(next, { ...job, path, previousPaths });
  }
  const notePath = job?.notePath ?? (ledgerHash ? state.ledger[ledgerHash].notePath : undefined);
  const effects: QueueEffect[] = [];
  if (notePath) effects.push({ type: "rename-in-entry", notePath, oldPath, path });
  else if (!inBaseline && watched) effects.push({ type: "enqueue", path });
  return { state: next, effects: [...effects, { type: "save" }] };
}

function entryWritten(state: QueueState, event: Extract<QueueEvent, { type: "entry-written" }>, now: number): Step {
  const job = state.jobs.find((candidate) => candidate.id === event.jobId);
  if (!job) return unchanged(state);
  const placed = { ...job, notePath: event.notePath, entryDate: event.entryDate, generated: job.generated && !event.processed ? job.generated : event.generated };
  if (!event.processed || job.state !== "running") return { state: withJob(state, placed), effects: [] };
  const done: JobRecord = { ...placed, state: "done", progress: undefined, error: undefined, errorCode: undefined, previousPaths: undefined };
  // A copy processed on its own leaves the ledger with the original; a re-recorded file's old content is forgotten.
  const ledger = job.hash && !job.copyOf
    ? { ...withoutPath(state.ledger, job.path), [job.hash]: { path: job.path, notePath: event.notePath, entryDate: event.entryDate, processedAt: now, generated: event.generated } }
    : state.ledger;
  return saved(withJob({ ...state, ledger }, done));
}

function withoutPath(ledger: QueueState["ledger"], path: string): QueueState["ledger"] {
  return Object.fromEntries(Object.entries(ledger).filter(([, record]) => record.path !== path));
}

function cancelled(state: QueueState, job: JobRecord, reason: string): Step {
  const effects: QueueEffect[] = job.state === "queued" ? [] : [{ type: "abort", jobId: job.id }];
  const next = withJob(state, { ...job, state: "cancelled", error: reason, errorCode: "cancelled", progress: undefined });
  return { state: next, effects: [...effects, { type: "write-status", jobId: job.id, status: "Error", error: reason }, { type: "save" }] };
}

function failed(state: QueueState, job: JobRecord, code: JobRecord["errorCode"] & string, message: string, rules: QueueRules): Step {
  const next = withJob(state, { ...job, state: "failed", error: message, errorCode: code, progress: undefined });
  const effects: QueueEffect[] = [{ type: "write-status", jobId: job.id, status: "Error", error: message }, { type: "save" }];
  const needsUser = code === "engine-crashed" || code === "note-not-writable" || (ENGINE_UNAVAILABLE_CODES.has(code) && !rules.waitForEngine);
  if (needsUser) effects.push({ type: "notify", message: `Bitácora: ${message}` });
  return { state: next, effects };
}

function onJob(state: QueueState, jobId: string, states: JobRecord["state"][], act: (job: JobRecord) => Step): Step {
  const job = state.jobs.find((candidate) => candidate.id === jobId);
  // An answer about a job that has moved on (cancelled, deleted, finished) changes nothing.
  return job && states.includes(job.state) ? act(job) : unchanged(state);
}

/** Finished jobs beyond the newest 200 are dropped so data.json stays small; the ledger remembers. */
function pruneFinished(jobs: JobRecord[], keep = 200): JobRecord[] {
  const finished = jobs.filter((job) => job.state === "done");
  if (finished.length <= keep) return jobs;
  const drop = new Set(finished.slice(0, finished.length - keep));
  return jobs.filter((job) => !drop.has(job));
}

/** The newest job for a path is the one that speaks for it. */
export function latestJobFor(state: Pick<QueueState, "jobs">, path: string): JobRecord | undefined {
  for (let i = state.jobs.length - 1; i >= 0; i--) if (state.jobs[i].path === path) return state.jobs[i];
  return undefined;
}

function withJob(state: QueueState, job: JobRecord): QueueState {
  return { ...state, jobs: state.jobs.map((candidate) => (candidate.id === job.id ? job : candidate)) };
}

const unchanged = (state: QueueState): Step => ({ state, effects: [] });
const saved = (state: QueueState): Step => ({ state, effects: [{ type: "save" }] });
