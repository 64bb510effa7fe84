/**
 * Recent log entries for the vocabulary prompt: their titles and what they link to, read from
 * the notes of the last few days where the locator puts them (the log folder or the user's
 * daily notes), so the plugin and the CLI gather them the same way through the vault port.
 */
import { parseLogNote } from "../log/parse-log-note";
import { placeholderTitles } from "../log/placeholder-titles";
import { mediaKindOf } from "../media";
import type { VaultPort } from "../ports";
import type { LogNoteLocator } from "../service/entry-writer";
import type { RecentEntry } from "./vocabulary-prompt";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function recentEntries(vault: VaultPort, locator: LogNoteLocator, today: Date, days = 7): Promise<RecentEntry[]> {
  const paths = new Set<string>();
  for (let back = 0; back < days; back++) {
    const day = new Date(today.getTime() - back * DAY_MS);
    paths.add((await locator.locate(day)).path);
  }
  const entries: RecentEntry[] = [];
  for (const path of paths) {
    const text = await vault.readText(path);
    if (!text) continue;
    for (const { entry, attachments, raw } of parseLogNote(text).entries) {
      // A title still made from the file name says nothing about the words spoken.
      if (!entry.title || placeholderTitles(attachments).includes(entry.title)) continue;
      entries.push({ title: entry.title, date: entry.date, links: noteLinksIn(raw) });
    }
  }
  return entries;
}

/** Note names the text links to with [[wikilinks]] (folders, headings and display text dropped), attachments left out. */
export function noteLinksIn(text: string): string[] {
  const names = new Set<string>();
  for (const [, target] of text.matchAll(/!?\[\[([^\]|#^]+)[^\]]*\]\]/g)) {
    const name = target.trim().split("/").pop()!.replace(/\.md$/i, "");
    if (name && !mediaKindOf(name)) names.add(name);
  }
  return [...names];
}
