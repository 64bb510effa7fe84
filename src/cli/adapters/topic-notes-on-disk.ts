import { parse as parseYaml } from "yaml";
import type { VaultPort } from "../../core/ports";
import type { TopicNote } from "../../core/service/entry-enricher";
import type { BitacoraSettings } from "../../core/settings/settings";
import { isTopicNotePath } from "../../core/service/topic-note-rule";

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];

/** Frontmatter aliases of a note, read with a real YAML parser; bad YAML means no aliases. */
function aliasesOf(text: string): string[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!match) return [];
  try {
    const data = parseYaml(match[1]) as Record<string, unknown> | null;
    return [...asList(data?.aliases), ...asList(data?.alias)];
  } catch {
    return [];
  }
}

/**
 * The vault's topic notes as the CLI sees them (`isTopicNotePath`). The CLI writes to the log
 * folder in every mode, so it knows no daily notes.
 */
export async function topicNotesOnDisk(vault: VaultPort, settings: BitacoraSettings): Promise<TopicNote[]> {
  const notes: TopicNote[] = [];
  for (const path of await vault.listFiles()) {
    if (!isTopicNotePath(path, settings, () => false)) continue;
    const name = path.slice(path.lastIndexOf("/") + 1, -3);
    notes.push({ name, path, aliases: aliasesOf((await vault.readText(path)) ?? "") });
  }
  return notes;
}
