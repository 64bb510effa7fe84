import type { ParsedEntry } from "./parse-log-note";
import { shortHash } from "./short-hash";
import { formatEndMarker, parseEndMarker, stripEol, type HeaderStamp } from "./structure";

/**
 * Did a write of Bitácora's generate this title (or area)? True when any generated block's end
 * marker holds its hash: a heading or area the user typed over has no such hash and is kept.
 */
export function isStamped(parsed: ParsedEntry, key: keyof HeaderStamp, value: string): boolean {
  const hash = shortHash(value);
  return parsed.blocks.some((block) => block.generated && block.stamp?.[key] === hash);
}

/** The stamp for a header whose title / area this write generated (undefined: the user's, not stamped). */
export function stampOf(title: string | undefined, area: string | undefined): HeaderStamp {
  return { title: title === undefined ? undefined : shortHash(title), area: area === undefined ? undefined : shortHash(area) };
}

/** The attachment's block with the stamp in its end marker; its content hash and time are kept. */
export function stampBlock(parsed: ParsedEntry, attachment: string, stamp: HeaderStamp): string[] {
  const lines = [...parsed.lines];
  const block = parsed.blocks.find((b) => b.generated && b.attachment === attachment);
  if (!block) return lines;
  const line = lines[block.end - 1];
  const marker = parseEndMarker(line)!;
  lines[block.end - 1] = formatEndMarker({ ...marker, stamp }) + line.slice(stripEol(line).length);
  return lines;
}
