import type { App } from "obsidian";
import type { TopicNote } from "../core/service/entry-enricher";
import type { BitacoraSettings } from "../core/settings/settings";
import { isTopicNotePath } from "../core/service/topic-note-rule";
import { isDailyNotePath, readDailyNoteConfig } from "./daily-note-locator";

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];

/**
 * Notes an entry may link to, with their frontmatter aliases (`aliases: [whisper, Whisper AI]`),
 * from Obsidian's metadata cache. Log notes (daily notes too, in daily-note mode) and dashboards
 * are not topics (`isTopicNotePath`).
 */
export function topicNotesIn(app: App, settings: BitacoraSettings): TopicNote[] {
  const daily = readDailyNoteConfig(app);
  return app.vault
    .getMarkdownFiles()
    .filter((file) => isTopicNotePath(file.path, settings, (path) => isDailyNotePath(daily, path)))
    .map((file) => {
      const frontmatter = app.metadataCache.getFileCache(file)?.frontmatter;
      return { name: file.basename, path: file.path, aliases: [...asList(frontmatter?.aliases), ...asList(frontmatter?.alias)] };
    });
}
