import { TFile, TFolder, normalizePath, type App, type TAbstractFile } from "obsidian";
import type { LogNoteSource, NoteStamp } from "../core/dashboards/log-note-index";

const stampOf = (file: TFile): NoteStamp => ({ path: file.path, mtime: file.stat.mtime, size: file.stat.size });

/**
 * Log notes as Obsidian already knows them: the log folder's notes come from the vault's file
 * tree in memory (time and size included, no disk access), so a start-up reads only the notes
 * the persisted index does not have. Obsidian's metadata cache is not used for the entries: it
 * keeps headings, list items and frontmatter, not the `key:: value` fields an entry is made of.
 */
export class ObsidianLogNoteSource implements LogNoteSource {
  constructor(private readonly app: App) {}

  async list(folder: string): Promise<NoteStamp[]> {
    const root = folder.trim() === "" ? this.app.vault.getRoot() : this.app.vault.getFolderByPath(normalizePath(folder));
    const stamps: NoteStamp[] = [];
    const walk = (item: TAbstractFile) => {
      if (item instanceof TFolder) for (const child of item.children) walk(child);
      else if (item instanceof TFile && item.extension === "md") stamps.push(stampOf(item));
    };
    if (root) walk(root);
    return stamps;
  }

  async stamp(path: string): Promise<NoteStamp | null> {
    const file = this.app.vault.getFileByPath(normalizePath(path));
    return file ? stampOf(file) : null;
  }

  async read(path: string): Promise<string | null> {
    const file = this.app.vault.getFileByPath(normalizePath(path));
    // cachedRead: Obsidian keeps recently read and edited notes in memory.
    return file ? this.app.vault.cachedRead(file) : null;
  }
}
