/**
 * What makes a line structure in a log note, in one place: the entry heading (`HH:MM título` or
 * `## HH:MM título`), field lines (`key:: value` lines or one `- [key:: value]` list item), the
 * `---` between entries, the attachment block heading (`**Foto: x.jpg**`), the generated
 * block's end marker and the topic-links line. The parser, the writers and anything that must
 * keep engine text from faking structure use these and nothing else.
 */
import { mediaKindOf, type MediaKind } from "../media";
import { parseAttachmentLink } from "./attachment-link";
import { parseFieldLine } from "./inline-fields";

/** `HH:MM título` (seed 000) or `## HH:MM título` (Dataview list style). */
const ENTRY_HEADING = /^(## )?(\d{1,2}:\d{2})(?:[ \t]+(.*?))?[ \t]*$/;
/** A seed-style field line: `status:: Processed`. Keys as Dataview allows them (letters, digits, `_`, `-`, spaces). */
const SEED_FIELD = /^([\p{L}\p{N}_][\p{L}\p{N}_ -]*?)::(?:[ \t]+(.*?))?[ \t]*$/u;
const SEPARATOR = /^[ \t]*---[ \t]*$/;
/**
 * `%% bitacora 1a2b3c4d %%`, optionally with the attachment's capture time (`15:38`) and the hashes
 * of the entry title and area this block's write generated (`h=9f8e7d6c.5b4a3928`, `-` for none),
 * so a later write can tell a generated title or area from one the user edited.
 */
export const END_MARKER = /^%% bitacora ([0-9a-f]{8})(?: (\d{2}:\d{2}))?(?: h=([0-9a-f]{8}|-)\.([0-9a-f]{8}|-))? %%$/;
/** Block headings in both log languages, so a note keeps working when the language setting changes. */
const BLOCK_HEADING = /^\*\*(Foto|Photo|Audio grabado|Audio recording): (.+?)\*\*[ \t]*$/;
const WIKILINK = /!?\[\[([^\]|#^]+)(?:[|#^][^\]]*)?\]\]/g;
/** The keys an entry's own status, area and date live under; an entry needs at least one. */
export const ENTRY_KEYS = ["status", "area", "date"] as const;

export const stripEol = (line: string) => line.replace(/\r?\n$/, "");

/** Lines with their line endings, so joining them gives the text back exactly. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    const next = end < 0 ? text.length : end + 1;
    lines.push(text.slice(start, next));
    start = next;
  }
  return lines;
}

export interface EntryHeading {
  /** "## " for the list style's Markdown heading, "" for seed 000's plain line. */
  prefix: string;
  time: string;
  title: string;
}

export function parseEntryHeading(line: string): EntryHeading | null {
  const match = ENTRY_HEADING.exec(stripEol(line));
  if (!match) return null;
  const [hh, mm] = match[2].split(":").map(Number);
  if (hh > 23 || mm > 59) return null;
  return { prefix: match[1] ?? "", time: match[2].padStart(5, "0"), title: match[3] ?? "" };
}

export function parseSeedField(line: string): [string, string] | null {
  const match = SEED_FIELD.exec(stripEol(line));
  return match ? [match[1], match[2] ?? ""] : null;
}

export type EntryStyle = "seed" | "list";

export interface EntryHeader {
  heading: EntryHeading;
  style: EntryStyle;
  /** Fields in the order written (a key written twice keeps its last value, as Dataview's last wins for us). */
  fields: [string, string][];
  /** Lines the heading and fields take. */
  lineCount: number;
}

/**
 * The entry that starts at line `i`, if any: a heading followed by field lines that name at least
 * one of status, area or date (so a time at the start of an ordinary line is not an entry).
 */
export function entryHeaderAt(lines: readonly string[], i: number): EntryHeader | null {
  const first = lines[i];
  // Cheap checks first: most lines of a note are not entry headings.
  const c = first.charCodeAt(first.startsWith("## ") ? 3 : 0);
  if (c < 48 || c > 57 || i + 1 >= lines.length) return null;
  const heading = parseEntryHeading(first);
  if (!heading) return null;
  const next = stripEol(lines[i + 1]);
  if (next.startsWith("- [")) {
    const map = parseFieldLine(next);
    if (!map || !hasEntryKey(map.keys())) return null;
    return { heading, style: "list", fields: [...map], lineCount: 2 };
  }
  const fields: [string, string][] = [];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const field = parseSeedField(lines[j]);
    if (!field) break;
    fields.push(field);
  }
  if (!hasEntryKey(fields.map(([key]) => key))) return null;
  return { heading, style: "seed", fields, lineCount: j - i };
}

function hasEntryKey(keys: Iterable<string>): boolean {
  for (const key of keys) if ((ENTRY_KEYS as readonly string[]).includes(key.toLowerCase())) return true;
  return false;
}

export const isSeparator = (line: string) => SEPARATOR.test(stripEol(line));

/** Hashes of the entry title and area a block's write generated (absent: it generated none). */
export interface HeaderStamp {
  title?: string;
  area?: string;
}

export interface EndMarker {
  hash: string;
  time?: string;
  stamp?: HeaderStamp;
}

export function parseEndMarker(line: string): EndMarker | null {
  if (!line.startsWith("%% bitacora ")) return null;
  const match = END_MARKER.exec(stripEol(line));
  if (!match) return null;
  const part = (value: string | undefined) => (value && value !== "-" ? value : undefined);
  return { hash: match[1], time: match[2], stamp: match[3] ? { title: part(match[3]), area: part(match[4]) } : undefined };
}

export function formatEndMarker(marker: EndMarker): string {
  const stamp = marker.stamp && (marker.stamp.title || marker.stamp.area) ? ` h=${marker.stamp.title ?? "-"}.${marker.stamp.area ?? "-"}` : "";
  return `%% bitacora ${marker.hash}${marker.time ? ` ${marker.time}` : ""}${stamp} %%`;
}

export interface BlockHeading {
  kind: MediaKind;
  /** The file name the heading names. */
  name: string;
}

export function parseBlockHeading(line: string): BlockHeading | null {
  if (!line.startsWith("**")) return null;
  const match = BLOCK_HEADING.exec(stripEol(line));
  if (!match) return null;
  return { kind: match[1].startsWith("Audio") ? "audio" : "image", name: match[2].trim() };
}

/** The attachment an embed or link line right under a block heading points at. */
export function blockAttachmentLink(line: string): string | null {
  const target = parseAttachmentLink(stripEol(line));
  return target && mediaKindOf(target) ? target : null;
}

/** Media files a line links or embeds (`![[x.wav]]`, `[[x.wav]]`), as written. */
export function mediaLinksIn(line: string): string[] {
  if (!line.includes("[[")) return [];
  return [...line.matchAll(WIKILINK)].map((m) => m[1].trim()).filter((target) => mediaKindOf(target));
}

/** A line of nothing but wikilinks to notes (not media): the entry's topic links. */
export function topicLinksOf(line: string): string[] | null {
  const text = stripEol(line).trim();
  if (!text.startsWith("[[") || !/^(\[\[[^\]]+\]\][ \t]*)+$/.test(text)) return null;
  const topics = [...text.matchAll(/\[\[([^\]]+)\]\]/g)].map((m) => m[1]);
  return topics.some((topic) => mediaKindOf(topic.split("|")[0])) ? null : topics;
}

export const isBlank = (line: string) => stripEol(line).trim() === "";
