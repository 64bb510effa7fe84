import { fileNameOf, mediaKindOf, type MediaKind } from "../media";
import { ENTRY_STATUSES, type EntryStatus, type LogEntry } from "./entry";
import { labelsFor } from "./labels";
import { blockHash } from "./short-hash";
import {
  blockAttachmentLink,
  entryHeaderAt,
  isSeparator,
  mediaLinksIn,
  parseBlockHeading,
  parseEndMarker,
  splitLines,
  stripEol,
  topicLinksOf,
  type EntryHeader,
  type EntryStyle,
  type HeaderStamp,
} from "./structure";

export type { EntryStyle } from "./structure";

/** One attachment's block inside an entry: `**Foto: x.jpg**` and what follows it. */
export interface ParsedBlock {
  /** Vault path from the embed under the heading, else the file name the heading names. */
  attachment: string;
  kind: MediaKind;
  /** Lines of the entry the block takes: heading line up to and including its end marker. */
  start: number;
  end: number;
  /** True when Bitácora wrote it (it ends with an end marker). */
  generated: boolean;
  /** True when a generated block no longer matches its marker's hash: the user edited it. */
  edited: boolean;
  /** The status the block's text shows (placeholder lines), for generated blocks. */
  status: EntryStatus | null;
  /** Capture time "HH:MM" the writer noted in the marker. */
  time?: string;
  /** Hashes of the entry title / area this block's write generated. */
  stamp?: HeaderStamp;
}

/** A media file the user named by hand (heading, embed or link) outside generated blocks. */
export interface AttachmentReference {
  target: string;
  line: number;
}

/** One entry as found in a note, with its exact lines so the note formats back byte for byte. */
export interface ParsedEntry {
  entry: LogEntry;
  style: EntryStyle;
  header: EntryHeader;
  /** The entry's lines with their line endings, from its heading up to the next entry. */
  lines: string[];
  /** Those lines joined: the entry's exact text. */
  raw: string;
  /** Index of the `---` line that ends the entry's own text, or `lines.length`. */
  bodyEnd: number;
  blocks: ParsedBlock[];
  references: AttachmentReference[];
  /** Index of the topic-links line, or -1. */
  topicsLine: number;
  /** Every attachment the entry holds or names. */
  attachments: string[];
  /** True when any generated block was edited by the user. */
  edited: boolean;
}

export interface LogDocument {
  /** Text before the first entry: the note heading and whatever the user wrote there. */
  head: string;
  entries: ParsedEntry[];
}

const PLACEHOLDERS = [labelsFor("es"), labelsFor("en")];

function blockStatus(lines: string[]): EntryStatus {
  for (const line of lines) {
    const text = stripEol(line);
    for (const labels of PLACEHOLDERS) {
      if (text === `*${labels.pending}*`) return "Not Processed";
      if (text === `*${labels.inProgress}*`) return "In Progress";
      if (text.startsWith(`*${labels.error}: `)) return "Error";
    }
  }
  return "Processed";
}

function parseBlocks(lines: string[], from: number, to: number): { blocks: ParsedBlock[]; references: AttachmentReference[] } {
  const blocks: ParsedBlock[] = [];
  const references: AttachmentReference[] = [];
  for (let i = from; i < to; i++) {
    const heading = parseBlockHeading(lines[i]);
    if (!heading) {
      for (const target of mediaLinksIn(lines[i])) references.push({ target, line: i });
      continue;
    }
    const linked = i + 1 < to ? blockAttachmentLink(lines[i + 1]) : null;
    let markerAt = -1;
    for (let j = i + 1; j < to && !parseBlockHeading(lines[j]); j++) {
      if (parseEndMarker(lines[j])) {
        markerAt = j;
        break;
      }
    }
    if (markerAt < 0) {
      references.push({ target: linked ?? heading.name, line: i });
      if (linked) i++;
      continue;
    }
    const marker = parseEndMarker(lines[markerAt])!;
    const content = lines.slice(i, markerAt);
    blocks.push({
      attachment: linked ?? heading.name,
      kind: mediaKindOf(linked ?? heading.name) ?? heading.kind,
      start: i,
      end: markerAt + 1,
      generated: true,
      edited: marker.hash !== blockHash(content.join("")),
      status: blockStatus(content),
      time: marker.time,
      stamp: marker.stamp,
    });
    i = markerAt;
  }
  return { blocks, references };
}

/** "2025-07-30 15:30" (seed 000) and "2025-07-30T15:30" both mean a local time; the model keeps ISO. */
export function normalizeDate(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})/.exec(value.trim());
  return match ? `${match[1]}T${match[2].padStart(2, "0")}:${match[3]}` : value.trim();
}

const OWN_KEYS = new Set(["status", "area", "date", "attachment", "error"]);

function toStatus(value: string | undefined): EntryStatus {
  const found = ENTRY_STATUSES.find((status) => status.toLowerCase() === (value ?? "").trim().toLowerCase());
  return found ?? "Not Processed";
}

function parseEntry(lines: string[], header: EntryHeader): ParsedEntry {
  let bodyEnd = lines.length;
  // In seed style `---` ends the entry's own text; in list style entries simply follow each other.
  if (header.style === "seed") {
    for (let i = header.lineCount; i < lines.length; i++) {
      if (isSeparator(lines[i])) {
        bodyEnd = i;
        break;
      }
    }
  }
  const { blocks, references } = parseBlocks(lines, header.lineCount, bodyEnd);
  let topicsLine = -1;
  let topics: string[] = [];
  for (let i = bodyEnd - 1; i >= header.lineCount; i--) {
    if (stripEol(lines[i]).trim() === "" || parseEndMarker(lines[i])) continue;
    const found = topicLinksOf(lines[i]);
    if (found) {
      topicsLine = i;
      topics = found;
    }
    break;
  }
  const fields = new Map(header.fields.map(([key, value]) => [key.toLowerCase(), value] as [string, string]));
  const attachments = [...blocks.map((b) => b.attachment)];
  const linked = fields.get("attachment");
  if (linked) for (const target of mediaLinksIn(linked)) attachments.push(target);
  for (const reference of references) if (!attachments.includes(reference.target)) attachments.push(reference.target);
  const extra: Record<string, string> = {};
  for (const [key, value] of header.fields) if (!OWN_KEYS.has(key.toLowerCase())) extra[key] = value;
  const first = blocks[0]?.attachment ?? attachments[0] ?? "";
  const entry: LogEntry = {
    attachment: first,
    kind: blocks[0]?.kind ?? mediaKindOf(first) ?? "image",
    date: normalizeDate(fields.get("date") ?? ""),
    title: header.heading.title,
    status: toStatus(fields.get("status")),
    error: fields.get("error"),
    area: fields.get("area") ?? "",
    fields: extra,
    topics,
  };
  if (!header.heading.prefix) entry.plainHeading = true;
  return {
    entry,
    style: header.style,
    header,
    lines,
    raw: lines.join(""),
    bodyEnd,
    blocks,
    references,
    topicsLine,
    attachments: [...new Set(attachments)],
    edited: blocks.some((b) => b.edited),
  };
}

/** Splits a log note into its head and its entries (both styles); `formatLogDocument` joins them back exactly. */
export function parseLogNote(text: string): LogDocument {
  const lines = splitLines(text);
  const starts: { at: number; header: EntryHeader }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = entryHeaderAt(lines, i);
    if (header) {
      starts.push({ at: i, header });
      i += header.lineCount - 1;
    }
  }
  const head = lines.slice(0, starts[0]?.at ?? lines.length).join("");
  const entries = starts.map(({ at, header }, k) => parseEntry(lines.slice(at, starts[k + 1]?.at ?? lines.length), header));
  return { head, entries };
}

/** An entry parsed again after its lines changed (its first line must still start it). */
export function reparseEntry(text: string): ParsedEntry {
  const lines = splitLines(text);
  const header = entryHeaderAt(lines, 0);
  if (!header) throw new Error("Not a log entry: " + stripEol(lines[0] ?? ""));
  return parseEntry(lines, header);
}

export function formatLogDocument(doc: LogDocument): string {
  return doc.head + doc.entries.map((parsed) => parsed.raw).join("");
}

/** Does this entry hold or name the attachment? Exact paths first; a hand-written name matches by file name. */
export function namesAttachment(parsed: ParsedEntry, paths: readonly string[]): "exact" | "name" | null {
  if (parsed.attachments.some((a) => paths.includes(a))) return "exact";
  const names = paths.map(fileNameOf);
  return parsed.attachments.some((a) => !a.includes("/") && names.includes(a)) ? "name" : null;
}

/** The style a note already uses: that of its last entry, or null for a note without entries. */
export function styleOf(doc: LogDocument): EntryStyle | null {
  return doc.entries.length ? doc.entries[doc.entries.length - 1].style : null;
}
