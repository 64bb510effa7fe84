import { mediaKindOf } from "../media";
import type { ContentHasher, VaultPort } from "../ports";
import type { JobRecord } from "../queue/job";

/** What a job's checks of its file need: the vault and the content hash. */
export interface FileCheckDeps {
  vault: VaultPort;
  hasher: ContentHasher;
}

/**
 * The file as it is now against the bytes the job settled on: the same (size and time, or the
 * same hash when only those moved), changed (a recorder that paused mid-write), missing (no file at
 * the job's path) or gone (it vanished while being read).
 */
export async function fileAgainstSettled(deps: FileCheckDeps, job: JobRecord): Promise<"unchanged" | "changed" | "missing" | "gone"> {
  const stat = await deps.vault.stat(job.path);
  if (!stat) return "missing";
  if (!job.settled || (stat.size === job.settled.size && stat.mtime === job.settled.mtime)) return "unchanged";
  const hash = await deps.hasher(deps.vault.absolutePath(job.path)).catch(() => null);
  if (hash === null) return "gone";
  return hash === job.hash ? "unchanged" : "changed";
}

/** The file's bytes are no longer those the job processed (size or time moved, and the hash too). */
export async function changedSinceProcessed(deps: FileCheckDeps, job: JobRecord): Promise<boolean> {
  if (!job.hash || !job.settled) return false;
  return (await fileAgainstSettled(deps, job)) === "changed";
}

/** Another attachment path with this job's exact bytes and no job of its own (a rename nobody reported). */
export async function findMovedFile(deps: FileCheckDeps, job: JobRecord, hasJob: (path: string) => boolean): Promise<string | null> {
  if (!job.hash || !job.settled) return null;
  for (const candidate of await deps.vault.listFiles()) {
    if (candidate === job.path || !mediaKindOf(candidate) || hasJob(candidate)) continue;
    if ((await deps.vault.stat(candidate))?.size !== job.settled.size) continue;
    const hash = await deps.hasher(deps.vault.absolutePath(candidate)).catch(() => null);
    if (hash === job.hash) return candidate;
  }
  return null;
}
