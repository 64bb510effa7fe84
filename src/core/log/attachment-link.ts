/**
 * Links to attachments. Wikilinks cannot hold `[ ] | # ^` (Obsidian reads them as link
 * syntax), so such names are written as Markdown links with a percent-encoded target,
 * which Obsidian resolves and renames like any other link.
 */
const WIKILINK_UNSAFE = /[[\]|#^]/;

function encodeTarget(path: string): string {
  return path.replace(/[%[\]|#^<> ()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

export function attachmentLink(path: string, embed = false): string {
  const bang = embed ? "!" : "";
  if (!WIKILINK_UNSAFE.test(path)) return `${bang}[[${path}]]`;
  const name = path.slice(path.lastIndexOf("/") + 1).replace(/[[\]]/g, "");
  return `${bang}[${name}](<${encodeTarget(path)}>)`;
}

/** The attachment path a link written by `attachmentLink` (or edited by Obsidian's renamer) points at. */
export function parseAttachmentLink(text: string): string | null {
  const trimmed = text.trim();
  const wiki = /^!?\[\[([^\]|#^]+)(?:[|#^][^\]]*)?\]\]$/.exec(trimmed);
  if (wiki) return wiki[1].trim();
  const markdown = /^!?\[[^\]]*\]\((<[^>]*>|[^)\s]*)\)$/.exec(trimmed);
  if (markdown) {
    const target = markdown[1].startsWith("<") ? markdown[1].slice(1, -1) : markdown[1];
    try {
      return decodeURIComponent(target);
    } catch {
      return target;
    }
  }
  return null;
}
