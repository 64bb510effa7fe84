import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileStat, VaultPort } from "../../core/ports";

/** A vault folder on disk, for the CLI and tests. Edits are atomic: write a temp file, then rename. */
export class FsVault implements VaultPort {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

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
      const s = await stat(this.absolutePath(vaultPath));
      return s.isFile() ? { size: s.size, mtime: s.mtimeMs, ctime: s.birthtimeMs || s.ctimeMs } : null;
    } catch {
      return null;
    }
  }

  async readText(vaultPath: string): Promise<string | null> {
    try {
      return await readFile(this.absolutePath(vaultPath), "utf8");
    } catch {
      return null;
    }
  }

  async readBinary(vaultPath: string): Promise<Uint8Array> {
    return readFile(this.absolutePath(vaultPath));
  }

  /** The CLI has no trash: the file is removed (only when nobody changed it). */
  trashNoteIfUnchanged(vaultPath: string, expected: string): Promise<boolean> {
    const previous = this.locks.get(vaultPath) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      if ((await this.readText(vaultPath)) !== expected) return false;
      await unlink(this.absolutePath(vaultPath));
      return true;
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
    const target = this.absolutePath(vaultPath);
    const current = (await this.readText(vaultPath)) ?? initial;
    const updated = edit(current);
    if (updated === current && (await this.stat(vaultPath))) return current;
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.bitacora-${process.pid}.tmp`;
    await writeFile(temp, updated, "utf8");
    await rename(temp, target);
    return updated;
  }
}
