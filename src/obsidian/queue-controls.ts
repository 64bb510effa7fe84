/**
 * What the plugin's UI needs from the queue service. BitacoraService (src/core/service)
 * satisfies it structurally; views and commands depend on this narrow surface only.
 */
import type { JobSnapshot, JobState, QueueSnapshot } from "../core/queue/job";
import type { EnqueueResult } from "../core/service/bitacora-service";

export type { EnqueueResult, JobSnapshot, JobState, QueueSnapshot };

export interface QueueControls {
  readonly paused: boolean;
  snapshot(): QueueSnapshot;
  onChange(listener: (snapshot: QueueSnapshot) => void): () => void;
  enqueue(path: string, opts?: { force?: boolean }): Promise<EnqueueResult>;
  processAllUnprocessed(): Promise<number>;
  retry(jobId: string): void;
  cancel(jobId: string): void;
  pause(): void;
  resume(): void;
  openTodayLogPath(): Promise<string>;
}

export interface FileEventSink {
  fileCreated(path: string): void;
  fileRenamed(path: string, oldPath: string): void;
  fileDeleted(path: string): void;
  fileModified(path: string): void;
}
