import type { LogEntry } from "../log/entry";
import { labelsFor } from "../log/labels";
import { fileNameOf } from "../media";
import type { ProcessorFindings } from "../processing/processor-port";
import type { Clock, ContentHasher, EnginePort, StatePort, VaultPort } from "../ports";
import { isActive, TRANSIENT_ERROR_CODES, type JobRecord, type QueueSnapshot } from "../queue/job";
import { ledgerRecordForPath, restoreState } from "../queue/ledger";
import type { BitacoraSettings, DeviceSettings } from "../settings/settings";
import { chooseEntryTime, toLocalIso } from "../time/entry-time";
import { watchedMediaKind } from "./attachment-filter";
import { engineOptionsFor } from "./engine-options-for";
import type { EntryEnricher, TopicNote } from "./entry-enricher";
import { processedEntry, statusEntry } from "./entry-builder";
import { vaultEnricher } from "./enrichment-adapter";
import { EntryWriter, folderLocator, type LogNoteLocator } from "./entry-writer";
import { JobStore } from "./job-store";
import { waitUntilStable } from "./wait-until-stable";

export interface ServiceDeps {
  vault: VaultPort;
  engine: EnginePort;
  state: StatePort;
  clock: Clock;
  hasher: ContentHasher;
  settings: () => BitacoraSettings;
  device: () => DeviceSettings;
  locator?: LogNoteLocator;
  enricher?: EntryEnricher;
  topics?: () => Promise<TopicNote[]>;
  /** Errors that need the user (no model, a file that cannot be read). */
  notify?: (message: string) => void;
  /** Told after every entry write, e.g. to refresh dashboards (debounced by the caller). */
  onEntryWritten?: (notePath: string) => void;
}

export type EnqueueResult = "queued" | "already-processed" | "not-media";

let nextId = 0;
const newJobId = () => `${Date.now().toString(36)}-${(nextId++).toString(36)}`;

/**
 * Watches attachments through its callers' events, queues them, runs the processors in the
 * engine (off the UI thread) one heavy job at a time, and writes each job's entry.
 */
export class BitacoraService {
  private readonly store: JobStore;
  private readonly writer: EntryWriter;
  /** Abort controllers of jobs that are waiting for their file or running in the engine. */
  private readonly controllers = new Map<string, AbortController>();
  private readonly renamedWhileRunning = new Map<string, string[]>();
  private runningCount = 0;
  /** Note writes under way; idle() waits for them so callers read finished notes. */
  private readonly writes = new Set<Promise<void>>();
  /** Engine runs under way; stop() waits for them to wind down. */
  private readonly runs = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: ServiceDeps) {
    this.store = new JobStore(deps.state);
    this.writer = new EntryWriter(deps.vault, deps.locator ?? folderLocator(deps.settings), deps.settings);
  }

  get paused(): boolean {
    return this.store.paused;
  }

  async start(): Promise<void> {
    await this.store.load();
    const settings = this.deps.settings();
    if (!settings.firstRunDone && settings.firstRun === "mark-existing-processed") {
      this.store.state.baseline = (await this.deps.vault.listFiles()).filter((p) => watchedMediaKind(p, settings));
    }
    for (const job of this.store.state.jobs) if (job.state === "waiting") this.startWaiting(job);
    await this.store.changed();
    this.pump();
  }

  /** Stops every job where it is (they resume at the next start); resolves once their work has wound down. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const controller of this.controllers.values()) controller.abort();
    // Wakes idle() waiters: a stopped queue makes no more progress.
    this.store.progressed();
    await Promise.allSettled([...this.runs, ...this.writes]);
  }

  onChange(listener: (snapshot: QueueSnapshot) => void): () => void {
    return this.store.onChange(listener);
  }

  /**
   * Another device synced its data.json: learn what it processed (so it is not redone here),
   * keep this device's own jobs.
   */
  mergeExternalState(raw: unknown): void {
    const other = restoreState(raw);
    for (const [hash, record] of Object.entries(other.ledger)) this.store.state.ledger[hash] ??= record;
    for (const path of other.baseline) if (!this.store.state.baseline.includes(path)) this.store.state.baseline.push(path);
    void this.store.changed();
  }

  snapshot(): QueueSnapshot {
    return this.store.snapshot();
  }

  /** Resolves when no job is waiting, queued or running (or the queue is paused with none running, or stopped). */
  async idle(): Promise<void> {
    const settled = () =>
      this.stopped ||
      !this.store.state.jobs.some((job) => job.state === "running" || (!this.paused && isActive(job.state)));
    for (;;) {
      if (!settled()) {
        await new Promise<void>((resolve) => {
          const off = this.onChange(() => {
            if (settled()) {
              off();
              resolve();
            }
          });
        });
      }
      if (this.writes.size === 0) return this.store.flush();
      await Promise.allSettled([...this.writes]);
    }
  }

  // ----- events from the watcher -----

  fileCreated(path: string): void {
    if (this.deps.settings().watchEnabled) void this.enqueue(path);
  }

  fileModified(path: string): void {
    const job = this.store.jobFor(path);
    // A file that was empty or unreadable may have been completed by sync since.
    if (job && job.state === "failed" && (job.errorCode === "empty-file" || job.errorCode === "corrupt-media")) {
      void this.enqueue(path, { force: true });
    }
  }

  fileRenamed(path: string, oldPath: string): void {
    void this.handleRename(path, oldPath);
  }

  fileDeleted(path: string): void {
    const job = this.store.jobFor(path);
    if (job && isActive(job.state)) void this.abandon(job, "The attachment was deleted before it was processed.");
  }

  // ----- commands -----

  async enqueue(path: string, options: { force?: boolean } = {}): Promise<EnqueueResult> {
    const settings = this.deps.settings();
    const kind = watchedMediaKind(path, { ...settings, watchedFolders: [], ignoredFolders: [] });
    if (!kind) return "not-media";
    const active = this.store.jobFor(path);
    if (active && isActive(active.state)) return "queued";
    const known = ledgerRecordForPath(this.store.state, path);
    if (!options.force && (known || this.store.state.baseline.includes(path))) return "already-processed";
    const job: JobRecord = { id: newJobId(), path, kind, state: "waiting", attempts: 0, enqueuedAt: this.now(), force: options.force };
    if (known) Object.assign(job, { notePath: known[1].notePath, generated: known[1].generated, entryDate: known[1].entryDate });
    this.store.state.jobs.push(job);
    this.store.prune();
    const stat = await this.deps.vault.stat(path);
    job.entryDate ??= toLocalIso(chooseEntryTime({ fileName: fileNameOf(path), fileCreatedMs: stat?.ctime, seenAt: new Date(job.enqueuedAt) }).date);
    if (!options.force && (await this.alreadyInLog(job))) {
      job.state = "done";
      await this.store.changed();
      return "already-processed";
    }
    await this.writeStatus(job, "Not Processed");
    await this.store.changed();
    this.startWaiting(job);
    return "queued";
  }

  /** Queues every watched attachment that has never been processed. */
  async processAllUnprocessed(): Promise<number> {
    const settings = this.deps.settings();
    let count = 0;
    for (const path of await this.deps.vault.listFiles()) {
      if (!watchedMediaKind(path, settings)) continue;
      const job = this.store.jobFor(path);
      if (job && job.state === "done") continue;
      if ((await this.enqueue(path, { force: job?.state === "failed" || job?.state === "cancelled" })) === "queued") count++;
    }
    return count;
  }

  retry(jobId: string): void {
    const job = this.store.state.jobs.find((candidate) => candidate.id === jobId);
    if (!job || isActive(job.state)) return;
    Object.assign(job, { state: "waiting", attempts: 0, error: undefined, errorCode: undefined, force: true });
    this.startWaiting(job);
    void this.store.changed();
  }

  cancel(jobId: string): void {
    const job = this.store.state.jobs.find((candidate) => candidate.id === jobId);
    if (!job || !isActive(job.state)) return;
    this.controllers.get(job.id)?.abort();
    job.state = "cancelled";
    job.progress = undefined;
    void this.writeStatus(job, "Not Processed").then(() => this.store.changed());
  }

  pause(): void {
    this.store.paused = true;
    void this.store.changed();
  }

  resume(): void {
    this.store.paused = false;
    void this.store.changed();
    this.pump();
  }

  /** Path of today's log note, created (with the user's template in daily-note mode) if missing. */
  async openTodayLogPath(): Promise<string> {
    const { path, initial } = await (this.deps.locator ?? folderLocator(this.deps.settings)).locate(this.deps.clock.now());
    await this.deps.vault.processText(path, (text) => text, initial);
    return path;
  }

  // ----- the job's life -----

  private startWaiting(job: JobRecord): void {
    const controller = new AbortController();
    this.controllers.set(job.id, controller);
    const stableForMs = this.deps.settings().stableForMs;
    void waitUntilStable(this.deps.vault, () => job.path, this.deps.clock, stableForMs, controller.signal)
      .then(async (result) => {
        if (job.state !== "waiting") return;
        this.controllers.delete(job.id);
        if (result.kind === "gone") return this.abandon(job, "The attachment was deleted before it was processed.");
        if (result.kind === "empty") return this.fail(job, "empty-file", "The file is empty (0 bytes).");
        job.hash = await this.deps.hasher(await this.deps.vault.readBinary(job.path));
        if (!job.force && (await this.knownContent(job))) return;
        job.state = "queued";
        await this.store.changed();
        this.pump();
      })
      .catch(() => this.controllers.delete(job.id));
  }

  /** Same bytes already processed under another path: a synced or copied duplicate. */
  private async knownContent(job: JobRecord): Promise<boolean> {
    const record = job.hash ? this.store.state.ledger[job.hash] : undefined;
    if (!record || record.path === job.path) return false;
    const original = await this.deps.vault.stat(record.path);
    if (!original) {
      // The original is gone: this is the same recording moved outside Obsidian. Follow it.
      await this.writer.removeIfUntouched(job);
      await this.writer.renameAttachment(record.notePath, record.path, job.path);
      record.path = job.path;
    } else {
      await this.writer.removeIfUntouched(job);
    }
    job.state = "done";
    job.error = `Same content as ${record.path}; not processed again.`;
    await this.store.changed();
    return true;
  }

  private async alreadyInLog(job: JobRecord): Promise<boolean> {
    const located = await (this.deps.locator ?? folderLocator(this.deps.settings)).locate(new Date(job.entryDate!));
    const existing = await this.writer.read(located.path, [job.path]);
    return existing?.status === "Processed";
  }

  private pump(): void {
    if (this.stopped || this.paused) return;
    const limit = Math.max(1, this.deps.settings().maxConcurrentJobs);
    while (this.runningCount < limit) {
      const next = this.store.state.jobs.find((job) => job.state === "queued");
      if (!next) return;
      const run = this.run(next);
      this.runs.add(run);
      void run.finally(() => this.runs.delete(run));
    }
  }

  private async run(job: JobRecord): Promise<void> {
    this.runningCount++;
    const controller = new AbortController();
    this.controllers.set(job.id, controller);
    job.state = "running";
    job.attempts++;
    job.progress = { stage: "Starting", fraction: 0 };
    try {
      await this.store.changed();
      await this.writeStatus(job, "In Progress");
      const topics = (await this.deps.topics?.()) ?? [];
      const options = engineOptionsFor(this.deps.settings(), this.deps.device(), topics);
      const findings = await this.deps.engine.process(
        { path: job.path, absPath: this.deps.vault.absolutePath(job.path), kind: job.kind },
        options,
        controller.signal,
        (report) => {
          job.progress = report;
          this.store.progressed();
        },
      );
      if (job.state !== "running" || this.stopped) return;
      await this.complete(job, findings, topics);
    } catch (error) {
      // Obsidian closing or the plugin unloading: leave the job running on disk; it resumes at start.
      if (this.stopped) return;
      if (job.state === "running") await this.handleFailure(job, error);
    } finally {
      this.controllers.delete(job.id);
      this.runningCount--;
      this.pump();
    }
  }

  private async complete(job: JobRecord, findings: ProcessorFindings, topics: TopicNote[]): Promise<void> {
    const settings = this.deps.settings();
    const entry = processedEntry(job, findings, {
      settings,
      labels: labelsFor(settings.logLanguage),
      enricher: this.deps.enricher ?? vaultEnricher,
      topics,
      fileCreatedMs: (await this.deps.vault.stat(job.path))?.ctime,
    });
    await this.writer.write(job, entry, this.renamedWhileRunning.get(job.id));
    job.generated = { title: entry.title, area: entry.area, fieldKeys: Object.keys(entry.fields) };
    if (job.hash) {
      this.store.state.ledger[job.hash] = { path: job.path, notePath: job.notePath!, entryDate: entry.date, processedAt: this.now(), generated: job.generated };
    }
    Object.assign(job, { state: "done", progress: undefined, error: undefined, errorCode: undefined });
    this.renamedWhileRunning.delete(job.id);
    await this.store.changed();
    this.deps.onEntryWritten?.(job.notePath!);
  }

  private async handleFailure(job: JobRecord, error: unknown): Promise<void> {
    const code = (error as { code?: string }).code ?? "internal";
    const message = error instanceof Error ? error.message : String(error);
    // A file renamed mid-job fails as missing under its old name: run it again under the new one.
    if (code === "missing-file" && this.renamedWhileRunning.has(job.id) && (await this.deps.vault.stat(job.path))) {
      job.state = "queued";
      await this.store.changed();
      return;
    }
    if (TRANSIENT_ERROR_CODES.has(code) && job.attempts < this.deps.settings().maxAttempts) {
      job.state = "queued";
      job.error = message;
      await this.store.changed();
      return;
    }
    await this.fail(job, code, message);
  }

  private async fail(job: JobRecord, code: string, message: string): Promise<void> {
    Object.assign(job, { state: "failed", error: message, errorCode: code, progress: undefined });
    await this.writeStatus(job, "Error", message);
    await this.store.changed();
    if (code === "no-model" || code === "engine-crashed") this.deps.notify?.(`Bitácora: ${message}`);
  }

  private async abandon(job: JobRecord, reason: string): Promise<void> {
    this.controllers.get(job.id)?.abort();
    Object.assign(job, { state: "cancelled", error: reason, progress: undefined });
    await this.writeStatus(job, "Error", reason);
    await this.store.changed();
  }

  private async handleRename(path: string, oldPath: string): Promise<void> {
    const job = this.store.jobFor(oldPath);
    const record = ledgerRecordForPath(this.store.state, oldPath);
    const baselineAt = this.store.state.baseline.indexOf(oldPath);
    if (baselineAt >= 0) this.store.state.baseline[baselineAt] = path;
    if (record) record[1].path = path;
    if (job) {
      job.path = path;
      if (job.state === "running") this.renamedWhileRunning.set(job.id, [...(this.renamedWhileRunning.get(job.id) ?? []), oldPath]);
    }
    const notePath = job?.notePath ?? record?.[1].notePath;
    if (notePath) await this.writer.renameAttachment(notePath, oldPath, path);
    else if (baselineAt < 0 && this.deps.settings().watchEnabled) await this.enqueue(path);
    await this.store.changed();
  }

  /** Writes a status-only version of the entry (placeholder body) at its current place. */
  private writeStatus(job: JobRecord, status: LogEntry["status"], error?: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const write = this.writeStatusNow(job, status, error);
    this.writes.add(write);
    return write.finally(() => this.writes.delete(write));
  }

  private async writeStatusNow(job: JobRecord, status: LogEntry["status"], error?: string): Promise<void> {
    const settings = this.deps.settings();
    const existing = job.notePath ? await this.writer.read(job.notePath, [job.path]) : null;
    const entry = statusEntry(job, status, existing, { settings, labels: labelsFor(settings.logLanguage) }, error);
    job.generated ??= { title: entry.title, area: entry.area, fieldKeys: [] };
    await this.writer.write(job, entry);
    this.deps.onEntryWritten?.(job.notePath!);
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}
