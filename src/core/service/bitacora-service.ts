import { labelsFor } from "../log/labels";
import { fileNameOf } from "../media";
import type { ProcessorFindings } from "../processing/processor-port";
import { INCOMPLETE_FILE_CODES, jobErrorCodeOf } from "../queue/error-codes";
import { isActive, type JobRecord, type QueueSnapshot } from "../queue/job";
import { ledgerRecordForPath, restoreState } from "../queue/ledger";
import type { QueueEffect, QueueEvent } from "../queue/queue-events";
import { latestJobFor, step, type QueueState } from "../queue/queue-step";
import { chooseEntryTime } from "../time/entry-time";
import { toLocalIso } from "../time/local-iso";
import { watchedMediaKind } from "./attachment-filter";
import { engineOptionsFor } from "./engine-options-for";
import { recentEntries } from "../vocabulary/recent-entries";
import type { TopicNote } from "./entry-enricher";
import { statusEntry } from "./entry-builder";
import { composeProcessedEntry } from "./compose-processed-entry";
import { EntryWriter, folderLocator, type LogNoteLocator } from "./entry-writer";
import { JobStore, snapshotOf } from "./job-store";
import { waitUntilStable } from "./wait-until-stable";
import type { ServiceDeps } from "./service-deps";
import { changedSinceProcessed, fileAgainstSettled, findMovedFile } from "./file-under-job";

export type { ServiceDeps } from "./service-deps";
export type EnqueueResult = "queued" | "already-processed" | "not-media";

/**
 * Runs the queue's effects: the job lifecycle itself is the pure `step` (core/queue/queue-step.ts).
 * Vault events and commands become events; each step's effects (write an entry, wait for a file,
 * hash it, run the engine, save) are performed here and their outcomes fed back as events, so no
 * job record changes across an await.
 */
export class BitacoraService {
  private state: QueueState = { ...restoreState(undefined), paused: false, stopped: false };
  private readonly store: JobStore;
  private readonly writer: EntryWriter;
  private readonly locator: LogNoteLocator;
  /** Abort controllers of jobs that are waiting for their file or running in the engine. */
  private readonly controllers = new Map<string, AbortController>();
  /** Topic notes a running job was given, so its entry links the same ones. */
  private readonly topicsOf = new Map<string, TopicNote[]>();
  /** Note writes run one after another, in the order the steps asked for them. */
  private writes: Promise<void> = Promise.resolve();
  /** Writes and engine runs under way; idle() and stop() wait for them. */
  private readonly work = new Set<Promise<unknown>>();
  private readonly newId: () => string;

  constructor(private readonly deps: ServiceDeps) {
    this.store = new JobStore(deps.state);
    this.locator = deps.locator ?? folderLocator(deps.settings);
    this.writer = new EntryWriter(deps.vault, this.locator, deps.settings);
    let count = 0;
    this.newId = deps.newId ?? (() => `${this.now().toString(36)}-${(count++).toString(36)}`);
  }

  get paused(): boolean {
    return this.state.paused;
  }

  async start(): Promise<void> {
    const saved = await this.store.load();
    this.state = { ...saved, paused: saved.paused === true, stopped: false };
    const settings = this.deps.settings();
    const firstRunBaseline =
      !settings.firstRunDone && settings.firstRun === "mark-existing-processed"
        ? (await this.deps.vault.listFiles()).filter((p) => watchedMediaKind(p, settings))
        : undefined;
    this.dispatch({ type: "started", baseline: firstRunBaseline });
    await this.store.flush();
  }

  /** Stops every job where it is (they resume at the next start); resolves once their work has wound down. */
  async stop(): Promise<void> {
    this.dispatch({ type: "shutdown" });
    await Promise.allSettled([...this.work]);
  }

  onChange(listener: (snapshot: QueueSnapshot) => void): () => void {
    return this.store.onChange(listener);
  }

  /** Another device synced its data.json: learn what it processed (so it is not redone here), keep this device's own jobs. */
  mergeExternalState(raw: unknown): void {
    const other = restoreState(raw);
    this.dispatch({ type: "synced", ledger: other.ledger, baseline: other.baseline });
  }

  snapshot(): QueueSnapshot {
    return snapshotOf(this.state);
  }

  /** Resolves when nothing will move on its own: no job waiting, queued or running (queued ones may wait while paused or without an engine), or the queue stopped. */
  async idle(): Promise<void> {
    const settled = () => {
      const { jobs, paused, stopped, engineUnavailable } = this.state;
      if (stopped) return true;
      const held = paused || engineUnavailable !== undefined;
      return !jobs.some((job) => job.state === "running" || job.state === "waiting" || (!held && job.state === "queued"));
    };
    for (;;) {
      if (!settled()) {
        await new Promise<void>((resolve) => {
          const off = this.onChange(() => settled() && (off(), resolve()));
        });
      }
      if (this.work.size === 0) return this.store.flush();
      await Promise.allSettled([...this.work]);
    }
  }

  // ----- events from the watcher -----

  /** Resolves once the new file is queued (or found known), for a caller that reports it. */
  async fileCreated(path: string): Promise<void> {
    if (this.deps.settings().watchEnabled) await this.enqueue(path);
  }

  /** Resolves with whether the change queued the file again (true) or left it as it was. */
  async fileModified(path: string): Promise<boolean> {
    const job = latestJobFor(this.state, path);
    // A file that was empty or unreadable may have been completed by sync since; one re-recorded or
    // replaced after it was processed is processed again, into the same entry.
    const again =
      (job?.state === "failed" && job.errorCode !== undefined && INCOMPLETE_FILE_CODES.has(job.errorCode)) ||
      (job?.state === "done" && (await changedSinceProcessed(this.deps, job)));
    return again && (await this.enqueue(path, { force: true })) === "queued";
  }

  fileRenamed(path: string, oldPath: string): void {
    const settings = this.deps.settings();
    this.dispatch({ type: "renamed", path, oldPath, watched: settings.watchEnabled });
  }

  fileDeleted(path: string): void {
    this.dispatch({ type: "deleted", path });
  }

  // ----- commands -----

  async enqueue(path: string, options: { force?: boolean } = {}): Promise<EnqueueResult> {
    const settings = this.deps.settings();
    const kind = watchedMediaKind(path, { ...settings, watchedFolders: [], ignoredFolders: [] });
    if (!kind) return "not-media";
    const isOpen = () => {
      const open = latestJobFor(this.state, path);
      return open !== undefined && isActive(open.state);
    };
    if (isOpen()) return "queued";
    const known = ledgerRecordForPath(this.state, path);
    if (!options.force && (known || this.state.baseline.includes(path))) return "already-processed";
    const enqueuedAt = this.now();
    const stat = await this.deps.vault.stat(path);
    const job: JobRecord = {
      id: this.newId(),
      path,
      kind,
      state: "waiting",
      attempts: 0,
      enqueuedAt,
      force: options.force,
      notePath: known?.[1].notePath,
      generated: known?.[1].generated,
      entryDate: known?.[1].entryDate ?? toLocalIso(chooseEntryTime({ fileName: fileNameOf(path), fileCreatedMs: stat?.ctime, seenAt: new Date(enqueuedAt) }).date),
    };
    const inLog = !options.force && (await this.alreadyInLog(job));
    // Another event may have queued this path while we looked.
    if (isOpen()) return "queued";
    this.dispatch({ type: "seen", job: inLog ? { ...job, state: "done" } : job });
    if (!inLog) await this.writes;
    await this.store.flush();
    return inLog ? "already-processed" : "queued";
  }

  /** Queues every watched attachment that has never been processed. */
  async processAllUnprocessed(): Promise<number> {
    const settings = this.deps.settings();
    let count = 0;
    for (const path of await this.deps.vault.listFiles()) {
      if (!watchedMediaKind(path, settings)) continue;
      const job = latestJobFor(this.state, path);
      const changed = job?.state === "done" && (await changedSinceProcessed(this.deps, job));
      if (job && job.state === "done" && !changed) continue;
      if ((await this.enqueue(path, { force: changed || job?.state === "failed" || job?.state === "cancelled" })) === "queued") count++;
    }
    return count;
  }

  retry(jobId: string): void {
    this.dispatch({ type: "retry", jobId });
  }

  cancel(jobId: string): void {
    this.dispatch({ type: "cancel", jobId });
  }

  pause(): void {
    this.dispatch({ type: "pause" });
  }

  resume(): void {
    this.dispatch({ type: "resume" });
  }

  /** A model was installed or the model settings changed: jobs waiting for the engine try again. */
  engineAvailable(): void {
    this.dispatch({ type: "engine-available" });
  }

  /** Path of today's log note, created (with the user's template in daily-note mode) if missing. */
  async openTodayLogPath(): Promise<string> {
    const { path, initial } = await this.locator.locate(this.deps.clock.now());
    await this.deps.vault.processText(path, (text) => text, initial);
    return path;
  }

  // ----- the runner -----

  private dispatch(event: QueueEvent): void {
    const settings = this.deps.settings();
    const { state, effects } = step(this.state, event, this.now(), { maxAttempts: settings.maxAttempts, waitForEngine: this.deps.waitForEngine ?? false });
    if (state === this.state && effects.length === 0) return;
    this.state = state;
    this.store.changed(state);
    for (const effect of effects) this.perform(effect);
  }

  private perform(effect: QueueEffect): void {
    switch (effect.type) {
      case "save":
        return void this.store.save(this.state);
      case "notify":
        return this.deps.notify?.(effect.message);
      case "abort":
        return this.controllers.get(effect.jobId)?.abort();
      case "enqueue":
        return void this.enqueue(effect.path);
      case "wait-stable":
        return this.waitForStableFile(effect.jobId);
      case "hash":
        return void this.hash(effect.jobId);
      case "run-engine":
        return this.track(this.runEngine(effect.jobId));
      case "write-status":
        return this.write(async () => {
          const job = this.job(effect.jobId);
          if (!job) return;
          try {
            await this.writeStatus(job, effect.status, effect.error);
          } catch (error) {
            // The note refused (read-only, protected): the job says why in the queue and a notice.
            this.dispatch({ type: "write-failed", jobId: job.id, message: error instanceof Error ? error.message : String(error) });
          }
        });
      case "write-entry":
        return this.write(async () => {
          const job = this.job(effect.jobId);
          if (job) await this.writeProcessed(job, effect.findings);
        });
      case "rename-in-entry":
        return this.write(() => this.writer.renameAttachment(effect.notePath, effect.oldPath, effect.path));
      case "remove-placeholder":
        return this.write(async () => {
          const job = this.job(effect.jobId);
          if (job) await this.writer.removeIfUntouched(job);
        });
    }
  }

  private waitForStableFile(jobId: string): void {
    const controller = new AbortController();
    this.controllers.set(jobId, controller);
    const path = () => this.job(jobId)?.path ?? "";
    waitUntilStable(this.deps.vault, path, this.deps.clock, this.deps.settings().stableForMs, controller.signal).then(
      (result) => {
        this.controllers.delete(jobId);
        const stat = result.kind === "stable" ? { size: result.stat.size, mtime: result.stat.mtime } : undefined;
        this.dispatch({ type: "stable", jobId, result: result.kind, stat });
      },
      () => this.controllers.delete(jobId),
    );
  }

  private async hash(jobId: string): Promise<void> {
    const job = this.job(jobId);
    if (!job) return;
    try {
      const hash = await this.deps.hasher(this.deps.vault.absolutePath(job.path));
      const record = this.state.ledger[hash];
      const duplicate =
        record && record.path !== job.path
          ? { originalExists: (await this.deps.vault.stat(record.path)) !== null, placeholderTouched: !(await this.writer.placeholderUntouched(job)) }
          : undefined;
      this.dispatch({ type: "hashed", jobId, hash, duplicate });
    } catch {
      // It went away between the stability check and the read.
      this.dispatch({ type: "stable", jobId, result: "gone" });
    }
  }

  private async runEngine(jobId: string): Promise<void> {
    const controller = new AbortController();
    this.controllers.set(jobId, controller);
    try {
      // The In Progress entry lands before the engine starts.
      await this.writes;
      const job = this.job(jobId);
      if (!job || job.state !== "running" || controller.signal.aborted) return;
      const topics = (await this.deps.topics?.()) ?? [];
      this.topicsOf.set(jobId, topics);
      const recent = await recentEntries(this.deps.vault, this.locator, this.deps.clock.now()).catch(() => []);
      const options = engineOptionsFor(this.deps.settings(), this.deps.device(), topics, { recordingPath: job.path, recent });
      const findings = await this.deps.engine.process(
        { path: job.path, absPath: this.deps.vault.absolutePath(job.path), kind: job.kind },
        options,
        controller.signal,
        (report) => this.dispatch({ type: "progress", jobId, report }),
      );
      const file = await this.fileAfterEngine(jobId);
      this.dispatch({ type: "engine-result", jobId, findings, file });
    } catch (error) {
      const path = this.job(jobId)?.path;
      const fileExists = path !== undefined && (await this.deps.vault.stat(path)) !== null;
      const message = error instanceof Error ? error.message : String(error);
      this.dispatch({ type: "engine-error", jobId, code: jobErrorCodeOf(error), message, fileExists });
    } finally {
      this.controllers.delete(jobId);
    }
  }

  /**
   * The file as it is now against what the engine read. A file renamed with no event to say so
   * (a CLI run without --watch) is found by its content and followed.
   */
  private async fileAfterEngine(jobId: string): Promise<"unchanged" | "changed" | "gone"> {
    const job = this.job(jobId);
    if (!job) return "unchanged";
    const now = await fileAgainstSettled(this.deps, job);
    if (now !== "missing") return now;
    const moved = await findMovedFile(this.deps, job, (path) => latestJobFor(this.state, path) !== undefined);
    if (!moved) return "gone";
    this.fileRenamed(moved, job.path);
    return "unchanged";
  }

  /** Queues a note write after the ones already asked for. */
  private write(run: () => Promise<void>): void {
    const next = this.writes.then(() => (this.state.stopped ? undefined : run()));
    this.writes = next.catch(() => undefined);
    this.track(next.catch(() => undefined));
  }

  private track(promise: Promise<unknown>): void {
    this.work.add(promise);
    void promise.finally(() => this.work.delete(promise));
  }

  /** Writes a status-only version of the entry (placeholder body) at its current place. */
  private async writeStatus(job: JobRecord, status: "Not Processed" | "In Progress" | "Error", error?: string): Promise<void> {
    const settings = this.deps.settings();
    const existing = job.notePath ? await this.writer.read(job.notePath, [job.path]) : null;
    const entry = statusEntry(job, status, existing, { settings, labels: labelsFor(settings.logLanguage) }, error);
    const placed = { ...job, generated: job.generated ?? { title: entry.title, area: entry.area, fieldKeys: [] } };
    await this.writer.write(placed, entry);
    this.written(placed, false);
  }

  private async writeProcessed(job: JobRecord, findings: ProcessorFindings): Promise<void> {
    try {
      const { entry, combine } = await composeProcessedEntry(this.deps, job, findings, this.topicsOf.get(job.id) ?? []);
      // The writer records where the entry went on the copy it is given.
      const placed = { ...job };
      await this.writer.write(placed, entry, job.previousPaths, combine);
      this.topicsOf.delete(job.id);
      this.written({ ...placed, generated: { title: entry.title, area: entry.area, fieldKeys: Object.keys(entry.fields) } }, true);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.dispatch({ type: "engine-error", jobId: job.id, code: jobErrorCodeOf(error), message, fileExists: true });
    }
  }

  private written(job: JobRecord, processed: boolean): void {
    const { notePath, entryDate, generated } = job;
    if (!notePath || !entryDate || !generated) return;
    this.dispatch({ type: "entry-written", jobId: job.id, notePath, entryDate, generated, processed });
    this.deps.onEntryWritten?.(notePath);
  }

  private async alreadyInLog(job: JobRecord): Promise<boolean> {
    const located = await this.locator.locate(new Date(job.entryDate!));
    const existing = await this.writer.read(located.path, [job.path]);
    return existing?.status === "Processed";
  }

  private job(jobId: string): JobRecord | undefined {
    return this.state.jobs.find((job) => job.id === jobId);
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}
