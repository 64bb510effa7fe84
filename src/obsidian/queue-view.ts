import { ItemView, type WorkspaceLeaf } from "obsidian";
import { fileNameOf } from "../core/media";
import type { JobSnapshot, QueueControls } from "./queue-controls";
import { isActive } from "../core/queue/job";
import { describeJob } from "./queue-labels";

export const QUEUE_VIEW_TYPE = "bitacora-queue";

/** Every job with its state, progress and error, and the controls to retry or cancel it. */
export class QueueView extends ItemView {
  /** What each row shows now, so a progress message redraws only its own row. */
  private shown: { paused: boolean; jobs: Map<string, { job: string; state: string; item: HTMLElement }> } | null = null;

  constructor(leaf: WorkspaceLeaf, private readonly queue: QueueControls) {
    super(leaf);
  }

  getViewType(): string {
    return QUEUE_VIEW_TYPE;
  }
  getDisplayText(): string {
    return "Bitácora queue";
  }
  override getIcon(): string {
    return "list-checks";
  }

  protected override async onOpen(): Promise<void> {
    this.render();
    this.register(this.queue.onChange(() => this.update()));
  }

  /** Redraws the rows whose job changed; the whole list only when jobs came, went, moved or changed state. */
  private update(): void {
    const snapshot = this.queue.snapshot();
    const shown = this.shown;
    const ids = ordered(snapshot.jobs).map((job) => job.id);
    const sameRows =
      shown !== null &&
      shown.paused === snapshot.paused &&
      ids.length === shown.jobs.size &&
      [...shown.jobs.keys()].every((id, i) => id === ids[i]) &&
      snapshot.jobs.every((job) => shown.jobs.get(job.id)?.state === job.state);
    if (!sameRows) return this.render();
    for (const job of snapshot.jobs) {
      const row = shown.jobs.get(job.id)!;
      const text = JSON.stringify(job);
      if (row.job === text) continue;
      row.item.empty();
      this.renderJob(row.item, job);
      row.job = text;
    }
  }

  private render(): void {
    const root = this.contentEl;
    root.empty();
    root.addClass("bitacora-queue");
    const snapshot = this.queue.snapshot();
    this.shown = { paused: snapshot.paused, jobs: new Map() };
    const header = root.createDiv({ cls: "bitacora-queue-header" });
    header.createEl("h4", { text: snapshot.paused ? "Queue (paused)" : "Queue" });
    const toggle = header.createEl("button", { text: snapshot.paused ? "Resume" : "Pause" });
    toggle.addEventListener("click", () => (this.queue.paused ? this.queue.resume() : this.queue.pause()));
    if (snapshot.jobs.length === 0) {
      root.createEl("p", { cls: "bitacora-queue-empty", text: "No attachments in the queue." });
      return;
    }
    const list = root.createEl("ul", { cls: "bitacora-queue-list" });
    for (const job of ordered(snapshot.jobs)) {
      const item = list.createEl("li", { cls: ["bitacora-job", `bitacora-job-${job.state}`] });
      this.renderJob(item, job);
      this.shown.jobs.set(job.id, { job: JSON.stringify(job), state: job.state, item });
    }
  }

  private renderJob(item: HTMLElement, job: JobSnapshot): void {
    item.setAttr("data-job-id", job.id);
    const title = item.createDiv({ cls: "bitacora-job-title" });
    title.createSpan({ cls: "bitacora-job-name", text: fileNameOf(job.path), attr: { title: job.path } });
    title.createSpan({ cls: "bitacora-job-state", text: describeJob(job) });
    if (job.state === "running" && job.progress?.fraction !== undefined) {
      item.createEl("progress", { cls: "bitacora-job-progress", attr: { max: "1", value: String(job.progress.fraction) } });
    }
    if (job.error) item.createDiv({ cls: "bitacora-job-error", text: job.error });
    if (job.attempts > 1) item.createDiv({ cls: "bitacora-job-attempts", text: `Attempt ${job.attempts}` });
    const actions = item.createDiv({ cls: "bitacora-job-actions" });
    if (job.state === "failed" || job.state === "cancelled") {
      actions.createEl("button", { text: "Retry" }).addEventListener("click", () => this.queue.retry(job.id));
    }
    if (isActive(job.state)) {
      actions.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.queue.cancel(job.id));
    }
  }
}

/** Pending work first, newest finished jobs after. */
function ordered(jobs: readonly JobSnapshot[]): JobSnapshot[] {
  return [...jobs.filter((job) => isActive(job.state)), ...jobs.filter((job) => !isActive(job.state)).reverse()];
}
