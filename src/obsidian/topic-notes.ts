import type { App } from "obsidian";
import type { TopicNote } from "../core/service/entry-enricher";
import type { BitacoraSettings } from "../core/settings/settings";

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];

/**
 * Notes an entry may link to, with their frontmatter aliases (`aliases: [whisper, Whisper AI]`),
 * from Obsidian's metadata cache. Log notes and dashboards are not topics.
 */
export function topicNotesIn(app: App, settings: BitacoraSettings): TopicNote[] {
  const logFolder = settings.logFolder ? `${settings.logFolder}/` : null;
  const generated = new Set([settings.sprintDashboardPath, settings.deploymentDashboardPath]);
  return app.vault
    .getMarkdownFiles()
    .filter((file) => !(logFolder && file.path.startsWith(logFolder)) && !generated.has(file.path))
    .map((file) => {
      const frontmatter = app.metadataCache.getFileCache(file)?.frontmatter;
      return { name: file.basename, aliases: [...asList(frontmatter?.aliases), ...asList(frontmatter?.alias)] };
    });
}
