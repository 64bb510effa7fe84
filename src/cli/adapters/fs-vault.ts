import { realpathSync } from "node:fs";
import { mkdir, readFile, readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { FileStat, VaultPort } from "../../core/ports";
import { compareAndSwapText, notWritable } from "./compare-and-swap-write";
import { confinedPath } from "./confined-path";
import { withNoteLock } from "./note-lock";
import { sweepStaleSideFiles } from "./stale-side-files";

/**
 * A vault folder on disk, for the CLI and tests. Each edit holds the note's lock file (against
 * other Bitácora processes) and is a compare-and-swap (against editors and sync clients). Every
 * read and write is confined to the vault: paths with `..`, absolute paths and symlinks that
 * lead outside are refused (they read as missing, and writes fail with a clear error).
 */
export class FsVault implements VaultPort {
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly realRoot: string;

  constructor(readonly root: string) {
    this.realRoot = realpathSync(root);
  }

  private inside(vaultPath: string): Promise<string> {
    return confinedPath(this.root, this.realRoot, vaultPath);
  }

  absolutePath(vaultPath: string): string {
    return path.join(this.root, ...vaultPath.split("/"));
  }

  async listFiles(): Promise<string[]> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .filter((p) => !p.split("/").some((part) => part.startsWith(".")));
  }

  async stat(vaultPath: string): Promise<FileStat | null> {
    try {
      const s = await stat(await this.inside(vaultPath));
      return s.isFile() ? { size: s.size, mtime: s.mtimeMs, ctime: s.birthtimeMs || s.ctimeMs } : null;
    } catch {
      return null;
    }
  }

  async readText(vaultPath: string): Promise<string | null> {
    try {
      return await readFile(await this.inside(vaultPath), "utf8");
    } catch {
      return null;
    }
  }

  async readBinary(vaultPath: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(await this.inside(vaultPath)));
    } catch {
      return null;
    }
  }

  /** Removes temp and lock files of Bitácora processes that died mid-write; call once at start. */
  sweepStaleSideFiles(): Promise<string[]> {
    return sweepStaleSideFiles(this.root);
  }

  /** The CLI has no trash: the file is removed (only when nobody changed it). */
  trashNoteIfUnchanged(vaultPath: string, expected: string): Promise<boolean> {
    const previous = this.locks.get(vaultPath) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const target = await this.inside(vaultPath);
      return withNoteLock(target, async () => {
        if ((await this.readText(vaultPath)) !== expected) return false;
        await unlink(target);
        return true;
      });
    });
    this.locks.set(vaultPath, next);
    return next;
  }

  /** Edits of one note are serialised, like vault.process in Obsidian. */
  processText(vaultPath: string, edit: (text: string) => string, initial: string): Promise<string> {
    const previous = this.locks.get(vaultPath) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.applyEdit(vaultPath, edit, initial));
    this.locks.set(vaultPath, next);
    return next;
  }

  private async applyEdit(vaultPath: string, edit: (text: string) => string, initial: string): Promise<string> {
    const target = await this.inside(vaultPath);
    // The lock file lives next to the note, so a new note's folder comes first.
    await mkdir(path.dirname(target), { recursive: true }).catch((error: unknown) => {
      throw notWritable(target, error);
    });
    return withNoteLock(target, () => compareAndSwapText(target, edit, initial));
  }
}
