import { readdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { isLockFileName, isProcessAlive, tempFileOwner } from "./side-files";

/**
 * Removes temp and lock files left in the vault by Bitácora processes that died mid-write
 * (a crash or a kill between writing the temp file and renaming it). Files of live processes stay.
 * Returns the vault-relative paths removed.
 */
export async function sweepStaleSideFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    let owner = tempFileOwner(entry.name);
    if (owner === null && isLockFileName(entry.name)) {
      owner = Number.parseInt(await readFile(file, "utf8").catch(() => ""), 10);
      // An unreadable or empty lock is one whose writer died before writing its PID.
      if (Number.isNaN(owner)) owner = 0;
    }
    if (owner === null || (owner !== process.pid && isProcessAlive(owner))) continue;
    await unlink(file).catch(() => undefined);
    removed.push(path.relative(root, file).split(path.sep).join("/"));
  }
  return removed;
}
