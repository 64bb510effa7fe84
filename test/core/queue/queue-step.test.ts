/** The job lifecycle as a table: each row is a state, an event, and what must follow. */
import type { JobRecord } from "../../../src/core/queue/job";
import type { QueueEffect, QueueEvent } from "../../../src/core/queue/queue-events";
import { CANCELLED_REASON, DELETED_REASON, step, type QueueRules, type QueueState } from "../../../src/core/queue/queue-step";

const NOW = Date.parse("2025-07-30T10:00:00");
const RULES: QueueRules = { maxAttempts: 2, waitForEngine: true };

const job = (id: string, state: JobRecord["state"], extra: Partial<JobRecord> = {}): JobRecord => ({
  id,
  path: `A/${id}.jpg`,
  kind: "image",
  state,
  attempts: state === "running" ? 1 : 0,
  enqueuedAt: NOW,
  ...extra,
});
const queue = (jobs: JobRecord[], extra: Partial<QueueState> = {}): QueueState => ({ version: 1, jobs, ledger: {}, baseline: [], paused: false, stopped: false, ...extra });
const states = (state: QueueState) => Object.fromEntries(state.jobs.map((j) => [j.id, j.state]));
const kinds = (effects: QueueEffect[]) => effects.map((e) => ("jobId" in e ? `${e.type} ${e.jobId}` : e.type));

type Row = [title: string, before: QueueState, event: QueueEvent, after: Record<string, JobRecord["state"]>, effects: string[]];

const rows: Row[] = [
  ["a new file waits for its file to settle", queue([]), { type: "seen", job: job("a", "waiting") }, { a: "waiting" }, ["write-status a", "save", "wait-stable a"]],
  ["a path with an open job is not queued twice", queue([job("a", "waiting")]), { type: "seen", job: job("b", "waiting", { path: "A/a.jpg" }) }, { a: "waiting" }, []],
  ["a settled file is hashed", queue([job("a", "waiting")]), { type: "stable", jobId: "a", result: "stable" }, { a: "waiting" }, ["hash a"]],
  ["once hashed it runs at once when nothing runs", queue([job("a", "waiting")]), { type: "hashed", jobId: "a", hash: "h" }, { a: "running" }, ["save", "write-status a", "run-engine a"]],
  ["one job runs at a time", queue([job("r", "running"), job("a", "waiting")]), { type: "hashed", jobId: "a", hash: "h" }, { r: "running", a: "queued" }, ["save"]],
  ["a file gone while waiting is cancelled with the reason", queue([job("a", "waiting")]), { type: "stable", jobId: "a", result: "gone" }, { a: "cancelled" }, ["abort a", "write-status a", "save"]],
  ["an empty file fails", queue([job("a", "waiting")]), { type: "stable", jobId: "a", result: "empty" }, { a: "failed" }, ["write-status a", "save"]],
  ["deleted while queued: cancelled, nothing to abort", queue([job("a", "queued")]), { type: "deleted", path: "A/a.jpg" }, { a: "cancelled" }, ["write-status a", "save"]],
  ["deleted while running: aborted; the next job starts", queue([job("a", "running"), job("b", "queued")]), { type: "deleted", path: "A/a.jpg" }, { a: "cancelled", b: "running" }, ["abort a", "write-status a", "save", "write-status b", "run-engine b"]],
  ["cancel while running: aborted and cancelled", queue([job("a", "running")]), { type: "cancel", jobId: "a" }, { a: "cancelled" }, ["abort a", "write-status a", "save"]],
  ["the engine's answer after a cancel changes nothing", queue([job("a", "cancelled")]), { type: "engine-result", jobId: "a", findings: { kind: "image" } }, { a: "cancelled" }, []],
  ["an engine error after a cancel changes nothing", queue([job("a", "cancelled")]), { type: "engine-error", jobId: "a", code: "cancelled", message: "Cancelled.", fileExists: true }, { a: "cancelled" }, []],
  ["a stability answer after a delete changes nothing", queue([job("a", "cancelled")]), { type: "stable", jobId: "a", result: "stable" }, { a: "cancelled" }, []],
  ["cancel of a finished job changes nothing", queue([job("a", "done")]), { type: "cancel", jobId: "a" }, { a: "done" }, []],
  ["a result is written before the job is done", queue([job("a", "running")]), { type: "engine-result", jobId: "a", findings: { kind: "image" } }, { a: "running" }, ["write-entry a"]],
  [
    "the written entry finishes the job and the next starts",
    queue([job("a", "running"), job("b", "queued")]),
    { type: "entry-written", jobId: "a", notePath: "Logs/x.md", entryDate: "2025-07-30T10:00", generated: { title: "t", area: "x", fieldKeys: [] }, processed: true },
    { a: "done", b: "running" },
    ["save", "write-status b", "run-engine b"],
  ],
  ["the file changed while the engine read it: it waits to settle again, same entry", queue([job("a", "running")]), { type: "engine-result", jobId: "a", findings: { kind: "image" }, file: "changed" }, { a: "waiting" }, ["write-status a", "save", "wait-stable a"]],
  ["the file is gone once the engine is done: no Processed entry, it says it was deleted", queue([job("a", "running")]), { type: "engine-result", jobId: "a", findings: { kind: "image" }, file: "gone" }, { a: "cancelled" }, ["abort a", "write-status a", "save"]],
  ["a copy whose placeholder the user wrote in is processed on its own", queue([job("a", "waiting")], { ledger: { h: { path: "A/o.jpg", notePath: "Logs/x.md", entryDate: "2025-07-30T10:00", processedAt: 1 } } }), { type: "hashed", jobId: "a", hash: "h", duplicate: { originalExists: true, placeholderTouched: true } }, { a: "running" }, ["save", "write-status a", "run-engine a"]],
  ["an untouched copy's placeholder goes; not processed twice", queue([job("a", "waiting")], { ledger: { h: { path: "A/o.jpg", notePath: "Logs/x.md", entryDate: "2025-07-30T10:00", processedAt: 1 } } }), { type: "hashed", jobId: "a", hash: "h", duplicate: { originalExists: true } }, { a: "done" }, ["remove-placeholder a", "save"]],
  ["its status entry cannot be written: the waiting job stops, fails and tells the user", queue([job("a", "waiting")]), { type: "write-failed", jobId: "a", message: "read-only" }, { a: "failed" }, ["abort a", "write-status a", "save", "notify"]],
  ["renamed mid-job, missing under the old name: runs again", queue([job("a", "running", { previousPaths: ["A/old.jpg"] })]), { type: "engine-error", jobId: "a", code: "missing-file", message: "gone", fileExists: true }, { a: "running" }, ["save", "write-status a", "run-engine a"]],
  ["missing and not renamed: fails", queue([job("a", "running")]), { type: "engine-error", jobId: "a", code: "missing-file", message: "gone", fileExists: false }, { a: "failed" }, ["write-status a", "save"]],
  ["a crash is retried at once while attempts remain", queue([job("a", "running"), job("b", "queued")]), { type: "engine-error", jobId: "a", code: "engine-crashed", message: "x", fileExists: true }, { a: "running", b: "queued" }, ["save", "write-status a", "run-engine a"]],
  ["a crash on the last attempt fails and tells the user", queue([job("a", "running", { attempts: 2 })]), { type: "engine-error", jobId: "a", code: "engine-crashed", message: "x", fileExists: true }, { a: "failed" }, ["write-status a", "save", "notify"]],
  ["a corrupt file fails without retry", queue([job("a", "running")]), { type: "engine-error", jobId: "a", code: "corrupt-media", message: "x", fileExists: true }, { a: "failed" }, ["write-status a", "save"]],
  ["no model: the job waits and the user is told once", queue([job("a", "running"), job("b", "queued")]), { type: "engine-error", jobId: "a", code: "no-model", message: "No model.", fileExists: true }, { a: "queued", b: "queued" }, ["write-status a", "save", "notify"]],
  ["a model arrives: waiting jobs run again", queue([job("a", "queued")], { engineUnavailable: "No model." }), { type: "engine-available" }, { a: "running" }, ["save", "write-status a", "run-engine a"]],
  ["paused: a settled job is queued, not run", queue([job("a", "waiting")], { paused: true }), { type: "hashed", jobId: "a", hash: "h" }, { a: "queued" }, ["save"]],
  ["resume runs what waited", queue([job("a", "queued")], { paused: true }), { type: "resume" }, { a: "running" }, ["save", "write-status a", "run-engine a"]],
  ["shutdown aborts work but leaves the running job running (it resumes at the next start)", queue([job("a", "running"), job("b", "waiting")]), { type: "shutdown" }, { a: "running", b: "waiting" }, ["abort a", "abort b"]],
  ["after shutdown an engine error changes nothing", queue([job("a", "running")], { stopped: true }), { type: "engine-error", jobId: "a", code: "cancelled", message: "x", fileExists: true }, { a: "running" }, []],
  ["retry of a failed job waits for its file again, forced", queue([job("a", "failed")]), { type: "retry", jobId: "a" }, { a: "waiting" }, ["save", "wait-stable a"]],
  ["retry of a running job changes nothing", queue([job("a", "running")]), { type: "retry", jobId: "a" }, { a: "running" }, []],
];

test.each(rows)("%s", (_title, before, event, after, effects) => {
  const result = step(before, event, NOW, RULES);
  expect(states(result.state)).toEqual(after);
  expect(kinds(result.effects)).toEqual(effects);
});

test("step never changes the state it is given", () => {
  for (const [, before, event] of rows) {
    const frozen = JSON.stringify(before);
    step(before, event, NOW, RULES);
    expect(JSON.stringify(before)).toBe(frozen);
  }
});

test("cancel and delete end the same way: cancelled, with an Error entry that says why", () => {
  const cancel = step(queue([job("a", "running")]), { type: "cancel", jobId: "a" }, NOW, RULES);
  const removed = step(queue([job("a", "running")]), { type: "deleted", path: "A/a.jpg" }, NOW, RULES);
  expect(cancel.effects).toContainEqual({ type: "write-status", jobId: "a", status: "Error", error: CANCELLED_REASON });
  expect(removed.effects).toContainEqual({ type: "write-status", jobId: "a", status: "Error", error: DELETED_REASON });
  expect(cancel.state.jobs[0]).toMatchObject({ state: "cancelled", errorCode: "cancelled" });
  expect(removed.state.jobs[0]).toMatchObject({ state: "cancelled", errorCode: "cancelled" });
});

test("without waiting for the engine (a CLI run), no model fails the job and says so", () => {
  const result = step(queue([job("a", "running")]), { type: "engine-error", jobId: "a", code: "no-model", message: "No model.", fileExists: true }, NOW, { ...RULES, waitForEngine: false });
  expect(states(result.state)).toEqual({ a: "failed" });
  expect(result.effects).toContainEqual({ type: "notify", message: "Bitácora: No model." });
});

test("a second job failing for want of a model while it waits does not repeat the notice", () => {
  const first = step(queue([job("a", "running"), job("b", "queued")]), { type: "engine-error", jobId: "a", code: "no-model", message: "No model.", fileExists: true }, NOW, RULES);
  expect(first.state.engineUnavailable).toBe("No model.");
  const running = { ...first.state, engineUnavailable: undefined, jobs: first.state.jobs.map((j) => (j.id === "b" ? { ...j, state: "running" as const } : j)) };
  const again = step({ ...running, engineUnavailable: "No model." }, { type: "engine-error", jobId: "b", code: "no-model", message: "No model.", fileExists: true }, NOW, RULES);
  expect(kinds(again.effects)).not.toContain("notify");
});

test("renamed while running: the job follows the file and remembers the old name; the entry is renamed", () => {
  const result = step(queue([job("a", "running", { notePath: "Logs/x.md" })]), { type: "renamed", path: "B/new.jpg", oldPath: "A/a.jpg", watched: true }, NOW, RULES);
  expect(result.state.jobs[0]).toMatchObject({ path: "B/new.jpg", previousPaths: ["A/a.jpg"], state: "running" });
  expect(result.effects).toEqual([{ type: "rename-in-entry", notePath: "Logs/x.md", oldPath: "A/a.jpg", path: "B/new.jpg" }, { type: "save" }]);
});

test("renamed into the watched folders with no job or entry: looked at as new", () => {
  const result = step(queue([]), { type: "renamed", path: "A/new.jpg", oldPath: "Elsewhere/new.jpg", watched: true }, NOW, RULES);
  expect(result.effects).toEqual([{ type: "enqueue", path: "A/new.jpg" }, { type: "save" }]);
});

test("same bytes as a processed file that is gone: the entry follows the moved file; no new entry", () => {
  const ledger = { h: { path: "A/old.jpg", notePath: "Logs/x.md", entryDate: "2025-07-30T10:00", processedAt: NOW } };
  const result = step(queue([job("a", "waiting")], { ledger }), { type: "hashed", jobId: "a", hash: "h", duplicate: { originalExists: false } }, NOW, RULES);
  expect(states(result.state)).toEqual({ a: "done" });
  expect(result.state.ledger.h.path).toBe("A/a.jpg");
  expect(kinds(result.effects)).toEqual(["remove-placeholder a", "rename-in-entry", "save"]);
});

test("a finished entry records its content in the ledger at the step's time", () => {
  const result = step(
    queue([job("a", "running", { hash: "h" })]),
    { type: "entry-written", jobId: "a", notePath: "Logs/x.md", entryDate: "2025-07-30T10:00", generated: { title: "t", area: "x", fieldKeys: [] }, processed: true },
    NOW,
    RULES,
  );
  expect(result.state.ledger.h).toEqual({ path: "A/a.jpg", notePath: "Logs/x.md", entryDate: "2025-07-30T10:00", processedAt: NOW, generated: { title: "t", area: "x", fieldKeys: [] } });
});
