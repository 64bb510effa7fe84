/** YAML frontmatter through the `yaml` package, as Obsidian parses and writes it. */
import YAML from "yaml";

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export function parseFrontmatter(text: string): Record<string, unknown> | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) return undefined;
  const parsed: unknown = YAML.parse(match[1]);
  return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
}

export function replaceFrontmatter(text: string, frontmatter: Record<string, unknown>): string {
  const body = text.replace(FRONTMATTER, "");
  if (Object.keys(frontmatter).length === 0) return body;
  return `---\n${YAML.stringify(frontmatter)}---\n${body}`;
}
