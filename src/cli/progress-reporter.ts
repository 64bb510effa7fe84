import type { QueueSnapshot } from "../core/queue/job";

/** Draws one progress line on a terminal, or prints JSON lines when asked (or not on a TTY). */
export class ProgressReporter {
  private lastLine = "";
  private readonly reported = new Set<string>();

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly json: boolean,
    private readonly ignoredJobIds: ReadonlySet<string> = new Set(),
  ) {}

  update(snapshot: QueueSnapshot): void {
    for (const job of snapshot.jobs) {
      if (this.ignoredJobIds.has(job.id)) continue;
      const key = `${job.id}:${job.state}`;
      if ((job.state === "done" || job.state === "failed" || job.state === "cancelled") && !this.reported.has(key)) {
        this.reported.add(key);
        this.finishedJob(job.path, job.state, job.error);
      }
    }
    if (this.json || !this.out.isTTY) return;
    const running = snapshot.jobs.find((job) => job.state === "running");
    const waiting = snapshot.jobs.filter((job) => job.state === "queued" || job.state === "waiting").length;
    const fraction = running?.progress?.fraction ?? 0;
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
    const line = running
      ? `${bar} ${Math.round(fraction * 100)}% ${running.progress?.stage ?? ""} — ${running.path} (${waiting} waiting)`
      : `${waiting} waiting`;
    if (line !== this.lastLine) {
      this.out.write(`\r\x1b[2K${line.slice(0, (this.out.columns || 100) - 1)}`);
      this.lastLine = line;
    }
  }

  private finishedJob(path: string, state: string, error?: string): void {
    if (this.json) {
      this.out.write(`${JSON.stringify({ event: state, path, error })}\n`);
      return;
    }
    if (this.out.isTTY) this.out.write("\r\x1b[2K");
    const mark = state === "done" ? "✓" : state === "failed" ? "✗" : "–";
    this.out.write(`${mark} ${path}${error ? ` — ${error}` : ""}\n`);
    this.lastLine = "";
  }
}
