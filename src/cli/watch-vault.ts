import { lstatSync, readdirSync, watch, type Stats } from "node:fs";
import path from "node:path";
import type { Clock } from "../core/ports";
import { mediaKindOf } from "../core/media";

/** What the watcher reports; BitacoraService takes these as they are (as it does from Obsidian). */
export interface VaultChanges {
  fileCreated(path: string): void;
  fileModified(path: string): void;
  fileRenamed(path: string, oldPath: string): void;
  fileDeleted(path: string): void;
}

export interface WatchOptions {
  clock: Clock;
  /** How long a vanished file waits for its new name before it counts as deleted. */
  renameWindowMs?: number;
}

/** A file's identity across a rename: same inode, size and modification time. */
interface Identity {
  ino: number;
  size: number;
  mtimeMs: number;
}

const sameFile = (a: Identity, b: Identity) => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
const hidden = (vaultPath: string) => vaultPath.split("/").some((part) => part.startsWith("."));

function statOf(absPath: string): Stats | null {
  try {
    return lstatSync(absPath);
  } catch {
    return null;
  }
}

/**
 * Feeds file-system events under the vault to `changes` until the returned stop() is called.
 * The system reports a rename as a name that vanished and a name that appeared (in either order;
 * a renamed folder reports only the folder's old name and the files' new ones): the two are paired
 * by the file's identity, so a rename reaches the queue as a rename and the entry follows the file.
 * A vanished file with no new name within the window (on the injected clock) is deleted.
 */
export function watchVault(root: string, changes: VaultChanges, options: WatchOptions): () => void {
  const windowMs = options.renameWindowMs ?? 1000;
  const known = new Map<string, Identity>();
  const vanishing = new Map<string, AbortController>();
  /** Old names already paired with their new one: the system's later report of them is not a deletion. */
  const renamedAway = new Set<string>();
  const identity = (s: Stats): Identity => ({ ino: s.ino, size: s.size, mtimeMs: s.mtimeMs });
  const absolute = (vaultPath: string) => path.join(root, ...vaultPath.split("/"));

  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const vaultPath = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (!entry.isFile() || hidden(vaultPath) || !mediaKindOf(vaultPath)) continue;
    const s = statOf(absolute(vaultPath));
    if (s) known.set(vaultPath, identity(s));
  }

  const appeared = (vaultPath: string, s: Stats) => {
    const id = identity(s);
    renamedAway.delete(vaultPath);
    for (const [oldPath, oldId] of known) {
      if (oldPath === vaultPath || !sameFile(oldId, id)) continue;
      const now = statOf(absolute(oldPath));
      if (now && sameFile(identity(now), id)) continue; // a hard link, not a rename
      known.delete(oldPath);
      vanishing.get(oldPath)?.abort();
      if (!vanishing.delete(oldPath)) renamedAway.add(oldPath);
      if (mediaKindOf(vaultPath)) known.set(vaultPath, id);
      return changes.fileRenamed(vaultPath, oldPath);
    }
    if (mediaKindOf(vaultPath)) known.set(vaultPath, id);
    changes.fileCreated(vaultPath);
  };

  const vanished = (vaultPath: string) => {
    // A folder that went: every known file under it vanished with it.
    if (renamedAway.delete(vaultPath)) return;
    const under = [...known.keys()].filter((p) => p === vaultPath || p.startsWith(`${vaultPath}/`));
    if (under.length === 0) return changes.fileDeleted(vaultPath);
    for (const gone of under) {
      if (vanishing.has(gone)) continue;
      const controller = new AbortController();
      vanishing.set(gone, controller);
      options.clock.sleep(windowMs, controller.signal).then(
        () => {
          vanishing.delete(gone);
          known.delete(gone);
          changes.fileDeleted(gone);
        },
        () => undefined,
      );
    }
  };

  const watcher = watch(root, { recursive: true }, (event, filename) => {
    if (!filename) return;
    const vaultPath = filename.split(path.sep).join("/");
    if (hidden(vaultPath)) return;
    const s = statOf(absolute(vaultPath));
    // A folder named like a recording ("x.m4a") is not an attachment; symlinks are checked by the vault.
    if (s?.isDirectory()) return;
    if (!s) return vanished(vaultPath);
    if (event === "rename") return appeared(vaultPath, s);
    if (mediaKindOf(vaultPath)) known.set(vaultPath, identity(s));
    changes.fileModified(vaultPath);
  });
  return () => {
    watcher.close();
    for (const controller of vanishing.values()) controller.abort();
  };
}
