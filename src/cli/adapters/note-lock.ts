import { open, readFile, stat, unlink } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { isProcessAlive, lockPathFor } from "./side-files";

export class NoteLockTimeoutError extends Error {}

const WAIT_LIMIT_MS = 30000;
// A lock still without a PID after this long was left by a writer that died right after creating it.
const EMPTY_LOCK_STALE_MS = 5000;

/** The PID written in a lock file, or null when it cannot be read (being written, or gone). */
async function lockOwner(lockPath: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(lockPath, "utf8"), 10);
    return Number.isNaN(pid) ? null : pid;
  } catch {
    return null;
  }
}

/**
 * Runs `work` while holding an exclusive lock file next to `target`, so two Bitácora processes
 * never edit one note at once. A lock left by a dead process is taken over.
 */
export async function withNoteLock<T>(target: string, work: () => Promise<T>): Promise<T> {
  const lockPath = lockPathFor(target);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      try {
        await handle.writeFile(String(process.pid));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = await lockOwner(lockPath);
    const stale =
      owner === null
        ? await stat(lockPath).then((s) => Date.now() - s.mtimeMs > EMPTY_LOCK_STALE_MS, () => false)
        : !isProcessAlive(owner);
    if (stale) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() - started > WAIT_LIMIT_MS) {
      throw new NoteLockTimeoutError(`Another program (PID ${owner ?? "unknown"}) has held ${lockPath} for over ${WAIT_LIMIT_MS / 1000} s.`);
    }
    await delay(Math.min(5 * (attempt + 1), 50));
  }
  try {
    return await work();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}
