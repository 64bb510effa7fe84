import type { LogEntry } from "../log/entry";
import { labelsFor } from "../log/labels";
import { renameAttachmentInNote } from "../log/rename-attachment";
import { findEntry, isUntouchedPlaceholder, removeEntry, upsertEntry, type UpsertOptions } from "../log/upsert-entry";
import type { ParsedEntry } from "../log/parse-log-note";
import type { VaultPort } from "../ports";
import type { JobRecord } from "../queue/job";
import type { BitacoraSettings } from "../settings/settings";
import { newLogNoteText, logNotePath } from "../time/log-note-path";

/** Finds the note that holds a day's entries: a log note per day, or the user's daily note. */
export interface LogNoteLocator {
  locate(date: Date): Promise<{ path: string; initial: string }>;
}

export function folderLocator(settings: () => BitacoraSettings): LogNoteLocator {
  return {
    async locate(date) {
      const current = settings();
      return {
        path: logNotePath(date, current.logFolder, current.logFileFormat),
        initial: newLogNoteText(date, labelsFor(current.logLanguage)),
      };
    },
  };
}

const dateOf = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  const [hh, mm] = iso.slice(11, 16).split(":").map(Number);
  return new Date(y, m - 1, d, hh, mm);
};

/**
 * Writes a job's entry with one atomic edit per note (vault.process in Obsidian), so a crash
 * between writes can leave at most a stale status, never a duplicate or a half-written entry.
 */
export class EntryWriter {
  constructor(
    private readonly vault: VaultPort,
    private readonly locator: LogNoteLocator,
    private readonly settings: () => BitacoraSettings,
  ) {}

  /** Writes the entry where its date belongs, moving it (with the user's notes) if it lived elsewhere. */
  async write(job: JobRecord, entry: LogEntry, previousPaths: string[] = [], combine?: UpsertOptions["combine"]): Promise<void> {
    const labels = labelsFor(this.settings().logLanguage);
    const target = await this.locator.locate(dateOf(entry.date));
    const paths = [entry.attachment, ...previousPaths];
    // A move inserts into the new note first and only then removes from the old one: a crash in
    // between leaves the entry in both, and the next write (the job runs again) finds it in the new
    // note, so the user's text is not placed twice, and removes the old copy.
    const oldNote = job.notePath && job.notePath !== target.path ? job.notePath : null;
    const oldText = oldNote ? await this.vault.readText(oldNote) : null;
    const existingElsewhere: ParsedEntry | null = oldText === null ? null : removeEntry(oldText, paths).removed;
    const current = this.settings();
    await this.vault.processText(
      target.path,
      (text) =>
        upsertEntry(text, entry, labels, {
          previousPaths,
          carried: existingElsewhere,
          generated: job.generated,
          style: current.entryStyle,
          groupWindowMinutes: current.groupWindowMinutes,
          combine,
        }),
      target.initial,
    );
    if (oldNote && existingElsewhere) {
      const rest = await this.vault.processText(oldNote, (text) => removeEntry(text, paths).text, "");
      // A log note this writer created only for this entry (the time became known later) goes away.
      if (job.entryDate && rest.trimEnd() === newLogNoteText(dateOf(job.entryDate), labels).trimEnd()) {
        await this.vault.trashNoteIfUnchanged(oldNote, rest);
      }
    }
    job.notePath = target.path;
    job.entryDate = entry.date;
  }

  /** The entry as it stands in its note now, if any (to respect a synced Processed entry). */
  async read(notePath: string, paths: string[]): Promise<LogEntry | null> {
    const text = await this.vault.readText(notePath);
    return text === null ? null : (findEntry(text, paths)?.entry ?? null);
  }

  /** Points the entry at the attachment's new path (a rename or move), if the note still exists. */
  async renameAttachment(notePath: string, oldPath: string, newPath: string): Promise<void> {
    if ((await this.vault.readText(notePath)) === null) return;
    await this.vault.processText(notePath, (text) => renameAttachmentInNote(text, oldPath, newPath), "");
  }

  /** Whether the job's entry is missing or still the placeholder as written (the user added nothing to it). */
  async placeholderUntouched(job: JobRecord): Promise<boolean> {
    const text = job.notePath ? await this.vault.readText(job.notePath) : null;
    const existing = text === null ? null : findEntry(text, [job.path]);
    return !existing || (!existing.edited && isUntouchedPlaceholder(existing));
  }

  /** Removes a placeholder entry the user never touched (a duplicate turned out to be known). */
  async removeIfUntouched(job: JobRecord): Promise<void> {
    if (!job.notePath || (await this.vault.readText(job.notePath)) === null) return;
    await this.vault.processText(
      job.notePath,
      (text) => {
        const existing = findEntry(text, [job.path]);
        if (!existing || existing.edited || !isUntouchedPlaceholder(existing)) return text;
        return removeEntry(text, [job.path]).text;
      },
      "",
    );
  }
}
