import { fileNameOf } from "../core/media";
import { isActive } from "../core/queue/job";
import type { JobSnapshot, JobState, QueueSnapshot } from "./queue-controls";

export const STATE_LABELS: Record<JobState, string> = {
  waiting: "Waiting for the file to settle",
  queued: "Queued",
  running: "Processing",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

const percent = (fraction: number) => `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;

/** "Transcribing 42%" for a running job; the plain state otherwise. */
export function describeJob(job: JobSnapshot): string {
  if (job.state !== "running" || !job.progress) return STATE_LABELS[job.state];
  const { stage, fraction } = job.progress;
  return fraction === undefined ? stage : `${stage} ${percent(fraction)}`;
}

/** Status bar text: queue length and the current job's progress, or that all is done. */
export function statusBarText(snapshot: QueueSnapshot): string {
  const pending = snapshot.jobs.filter((job) => isActive(job.state));
  const failed = snapshot.jobs.filter((job) => job.state === "failed").length;
  const parts: string[] = [];
  if (snapshot.paused) parts.push("paused");
  const running = pending.find((job) => job.state === "running");
  if (running) parts.push(`${fileNameOf(running.path)}: ${describeJob(running)}`);
  if (pending.length > 0) parts.push(`${pending.length} in queue`);
  if (failed > 0) parts.push(`${failed} failed`);
  return `Bitácora: ${parts.length > 0 ? parts.join(" · ") : "idle"}`;
}
