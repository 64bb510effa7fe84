import { FileSystemAdapter, normalizePath, TFile, TFolder, type App } from "obsidian";
import type { FileStat, VaultPort } from "../core/ports";

/**
 * VaultPort over app.vault. Edits go through vault.process (atomic, and the editor keeps the
 * user's cursor and undo history); paths from settings and the core are normalised first.
 */
export class ObsidianVaultPort implements VaultPort {
  /** Notes being created now, by path (concurrent first edits of one note must not both create it). */
  private readonly creating = new Map<string, Promise<boolean>>();

  constructor(private readonly app: App) {}

  async listFiles(): Promise<string[]> {
    return this.app.vault.getFiles().map((file) => file.path);
  }

  async stat(path: string): Promise<FileStat | null> {
    // The adapter reads the disk, so a file a sync client is still writing shows its current size.
    const stat = await this.app.vault.adapter.stat(normalizePath(path));
    if (!stat || stat.type !== "file") return null;
    return { size: stat.size, mtime: stat.mtime, ctime: stat.ctime };
  }

  async readText(path: string): Promise<string | null> {
    const file = this.fileAt(path);
    return file ? this.app.vault.read(file) : null;
  }

  async readBinary(path: string): Promise<Uint8Array | null> {
    const file = this.fileAt(path);
    return file ? new Uint8Array(await this.app.vault.readBinary(file)) : null;
  }

  async processText(path: string, edit: (text: string) => string, initial: string): Promise<string> {
    const normalized = normalizePath(path);
    // Another edit of this path is creating the note: wait for it, then edit what it wrote.
    // (No await when none is: the check and the claim below must happen in the same turn.)
    for (let pending = this.creating.get(normalized); pending; pending = this.creating.get(normalized)) await pending.catch(() => false);
    const file = this.fileAt(normalized);
    if (file) return this.app.vault.process(file, edit);
    // A new note is created with its edited text: one write (one upload for a sync client), not two.
    const text = edit(initial);
    const creation = this.createNote(normalized, text);
    this.creating.set(normalized, creation);
    try {
      if (await creation) return text;
    } finally {
      if (this.creating.get(normalized) === creation) this.creating.delete(normalized);
    }
    const existing = this.fileAt(normalized);
    if (!existing) throw new Error(`Could not create ${normalized}.`);
    return this.app.vault.process(existing, edit);
  }

  async trashNoteIfUnchanged(path: string, expected: string): Promise<boolean> {
    const file = this.fileAt(path);
    if (!file || (await this.app.vault.read(file)) !== expected) return false;
    await this.app.fileManager.trashFile(file);
    return true;
  }

  absolutePath(path: string): string {
    const adapter = this.app.vault.adapter;
    if (!(adapter instanceof FileSystemAdapter)) throw new Error("Bitácora needs the desktop app (a vault on disk).");
    return adapter.getFullPath(normalizePath(path));
  }

  private fileAt(path: string): TFile | null {
    const found = this.app.vault.getAbstractFileByPath(normalizePath(path));
    return found instanceof TFile ? found : null;
  }

  /** False when another write (or a sync client) created the note between our check and create. */
  private async createNote(path: string, text: string): Promise<boolean> {
    const slash = path.lastIndexOf("/");
    if (slash > 0) await this.ensureFolder(path.slice(0, slash));
    try {
      await this.app.vault.create(path, text);
      return true;
    } catch (error) {
      if (this.fileAt(path)) return false;
      throw error;
    }
  }

  private async ensureFolder(folder: string): Promise<void> {
    let current = "";
    for (const part of folder.split("/")) {
      current = current ? `${current}/${part}` : part;
      const existing = this.app.vault.getAbstractFileByPath(current);
      if (existing instanceof TFolder) continue;
      if (existing) throw new Error(`Cannot create folder ${current}: a file has that name.`);
      await this.app.vault.createFolder(current).catch((error: unknown) => {
        if (!(this.app.vault.getAbstractFileByPath(current) instanceof TFolder)) throw error;
      });
    }
  }
}
