/**
 * What the dashboards know about each log note: its modification time and size when it was read,
 * and the facts of its entries (parsed with the log parser, `parseLogNote`). Persisted on this
 * device, it lets a start-up read only the notes whose time or size changed since.
 */
import { parseLogNote } from "../log/parse-log-note";
import { factsOfEntries } from "./dashboard-index";
import type { EntryFacts } from "./facts";

/** A note as the vault lists it, without reading it. */
export interface NoteStamp {
  path: string;
  mtime: number;
  size: number;
}

/** Where the dashboards find log notes: listed from memory, read only when needed. */
export interface LogNoteSource {
  /** Markdown notes in `folder` ("" is the whole vault) with their time and size. */
  list(folder: string): Promise<NoteStamp[]>;
  stamp(path: string): Promise<NoteStamp | null>;
  read(path: string): Promise<string | null>;
}

/** Device-local persistence of the index (outside the synced vault). */
export interface IndexStore {
  load(): Promise<unknown>;
  save(snapshot: unknown): Promise<void>;
}

interface IndexedNote {
  mtime: number;
  size: number;
  facts: EntryFacts[];
}

/** Bump when the parser or the facts change shape: an index written by another version is rebuilt. */
export const LOG_NOTE_INDEX_VERSION = 1;

interface Snapshot {
  version: number;
  /** The plugin version that wrote it: an update may parse notes differently, so it reads them again once. */
  build: string;
  notes: Record<string, IndexedNote>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isIndexedNote = (value: unknown): value is IndexedNote =>
  isRecord(value) && typeof value.mtime === "number" && typeof value.size === "number" && Array.isArray(value.facts);

/** Facts of a note's text; a note with no `key::` field has no entries (most notes of a vault). */
export function factsOfNote(path: string, text: string): EntryFacts[] {
  if (!text.includes("::")) return [];
  return factsOfEntries(path, parseLogNote(text).entries.map((parsed) => parsed.entry));
}

export class LogNoteIndex {
  private readonly notes = new Map<string, IndexedNote>();
  /** True when the index differs from what was last loaded or saved. */
  changed = false;

  constructor(private readonly build = "") {}

  /** Takes a persisted snapshot; anything unreadable or from another version or build is ignored (a full read follows). */
  restore(raw: unknown): void {
    this.notes.clear();
    if (!isRecord(raw) || raw.version !== LOG_NOTE_INDEX_VERSION || raw.build !== this.build || !isRecord(raw.notes)) return;
    for (const [path, note] of Object.entries(raw.notes)) if (isIndexedNote(note)) this.notes.set(path, note);
  }

  snapshot(): Snapshot {
    return { version: LOG_NOTE_INDEX_VERSION, build: this.build, notes: Object.fromEntries(this.notes) };
  }

  /**
   * Brings the index in line with the listed notes: reads only those new or changed (time or
   * size), forgets those gone. `everything` re-reads every listed note ("Update dashboards").
   */
  async sync(listed: readonly NoteStamp[], read: (path: string) => Promise<string | null>, everything = false): Promise<void> {
    const present = new Set<string>();
    for (const stamp of listed) {
      present.add(stamp.path);
      const known = this.notes.get(stamp.path);
      if (!everything && known && known.mtime === stamp.mtime && known.size === stamp.size) continue;
      const text = await read(stamp.path);
      if (text === null) this.remove(stamp.path);
      else this.set(stamp, text);
    }
    for (const path of [...this.notes.keys()]) if (!present.has(path)) this.remove(path);
  }

  /** Indexes a note's current text. */
  set(stamp: NoteStamp, text: string): EntryFacts[] {
    const facts = factsOfNote(stamp.path, text);
    const known = this.notes.get(stamp.path);
    if (!known || known.mtime !== stamp.mtime || known.size !== stamp.size || JSON.stringify(known.facts) !== JSON.stringify(facts)) this.changed = true;
    this.notes.set(stamp.path, { mtime: stamp.mtime, size: stamp.size, facts });
    return facts;
  }

  remove(path: string): void {
    if (this.notes.delete(path)) this.changed = true;
  }

  factsByNote(): Iterable<[string, EntryFacts[]]> {
    return [...this.notes].map(([path, note]) => [path, note.facts]);
  }
}
