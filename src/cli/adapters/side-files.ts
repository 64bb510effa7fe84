import path from "node:path";

/**
 * Names of the files Bitácora keeps next to a note while writing it. Both start with a dot so
 * Obsidian and the vault listing ignore them, and both carry the writer's PID so a later run can
 * tell a dead writer's leftovers from a live writer's files.
 */
// Earlier versions wrote visible temp files (no leading dot) and `state.json.<pid>.tmp`.
const TEMP = /^\.?.+\.bitacora-(\d+)\.tmp$|^state\.json\.(\d+)\.tmp$/;
const LOCK = /^\.(.+)\.bitacora\.lock$/;

export function tempPathFor(target: string, pid = process.pid): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.bitacora-${pid}.tmp`);
}

export function lockPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.bitacora.lock`);
}

/** The PID in a temp file's name, or null when the name is not one of ours. */
export function tempFileOwner(fileName: string): number | null {
  const match = TEMP.exec(fileName);
  return match ? Number(match[1] ?? match[2]) : null;
}

export function isLockFileName(fileName: string): boolean {
  return LOCK.test(fileName);
}

/** True while a process with this PID exists (EPERM means it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
