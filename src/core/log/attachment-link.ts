import { displayFileName } from "./engine-text";

/**
 * Links to attachments. Wikilinks cannot hold `[ ] | # ^` (Obsidian reads them as link
 * syntax), so such names are written as Markdown links with a percent-encoded target,
 * which Obsidian resolves and renames like any other link.
 */
// Control characters (a newline in a file name) cannot sit in a wikilink either: they would end the line.
// eslint-disable-next-line no-control-regex -- control characters are what must be encoded
export const WIKILINK_UNSAFE = /[[\]|#^\u0000-\u001f\u007f\u0085\u2028\u2029]/;

/** A vault path percent-encoded for a Markdown link target. */
export function encodeTarget(path: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must be encoded
  return path.replace(/[%[\]|#^<> ()\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (ch) => encodeURIComponent(ch).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}

export function attachmentLink(path: string, embed = false): string {
  const bang = embed ? "!" : "";
  if (!WIKILINK_UNSAFE.test(path)) return `${bang}[[${path}]]`;
  const name = displayFileName(path.slice(path.lastIndexOf("/") + 1)).replace(/[[\]]/g, "");
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
