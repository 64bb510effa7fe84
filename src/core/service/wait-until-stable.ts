import type { Clock, FileStat, VaultPort } from "../ports";

export type Stability = { kind: "stable"; stat: FileStat } | { kind: "gone" } | { kind: "empty" };

/**
 * Resolves once the file has kept the same size and modification time for `stableForMs`:
 * sync clients and recorders write in pieces, and a half-written file must not be processed.
 * An empty file gets one more period (sync may fill it) before it counts as empty.
 */
export async function waitUntilStable(
  vault: VaultPort,
  /** Read on every check: the file may be renamed while we wait. */
  path: () => string,
  clock: Clock,
  stableForMs: number,
  signal: AbortSignal,
): Promise<Stability> {
  const interval = Math.max(50, Math.min(stableForMs, 1000));
  // A missing file may be mid-rename (the rename event comes after the disk change): look once more.
  const statNow = async () => (await vault.stat(path())) ?? (await clock.sleep(interval, signal), await vault.stat(path()));
  let last = await statNow();
  let unchangedSince = clock.now().getTime();
  let emptyChecks = 0;
  for (;;) {
    if (!last) return { kind: "gone" };
    await clock.sleep(interval, signal);
    const current = await statNow();
    if (!current) return { kind: "gone" };
    if (current.size !== last.size || current.mtime !== last.mtime) {
      unchangedSince = clock.now().getTime();
    } else if (clock.now().getTime() - unchangedSince >= stableForMs) {
      if (current.size > 0) return { kind: "stable", stat: current };
      if (++emptyChecks >= 2) return { kind: "empty" };
      unchangedSince = clock.now().getTime();
    }
    last = current;
  }
}
