import { mediaKindOf } from "../media";
import { parseAttachmentLink } from "./attachment-link";
import { ENTRY_STATUSES, type EntryStatus, type LogEntry } from "./entry";
import { parseFieldLine } from "./inline-fields";
import { END_MARKER } from "./render-entry";
import { shortHash } from "./short-hash";

/** One entry as found in a note, with its exact text so the note formats back byte for byte. */
export interface ParsedEntry {
  entry: LogEntry;
  /** Heading line through the end marker (or the whole region when the marker was removed). */
  raw: string;
  headingLine: string;
  fieldLine: string;
  /** Generated body between the field line and the end marker. */
  body: string;
  /** True when the body no longer matches the hash the writer left: the user edited it. */
  edited: boolean;
  /** The user's text after the entry, up to the next entry. It travels with the entry. */
  trailing: string;
}

export interface LogDocument {
  /** Text before the first entry: the note heading and whatever the user wrote there. */
  head: string;
  entries: ParsedEntry[];
}

const HEADING = /^## (\d{1,2}:\d{2})(?: (.*))?$/;

/** Lines with their line endings, so joining them gives the text back exactly. */
function splitLines(text: string): string[] {
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

const stripEol = (line: string) => line.replace(/\r?\n$/, "");

function entryStartAt(lines: string[], i: number): Map<string, string> | null {
  // Cheap prefix checks first: most lines of a note are not entry headings.
  if (!lines[i].startsWith("## ") || i + 1 >= lines.length || !lines[i + 1].startsWith("- [")) return null;
  if (!HEADING.test(stripEol(lines[i]))) return null;
  const fields = parseFieldLine(stripEol(lines[i + 1]));
  return fields?.has("attachment") ? fields : null;
}

const GENERATED_KEYS = new Set(["status", "area", "date", "attachment", "error"]);

function toEntry(headingLine: string, fields: Map<string, string>, body: string): LogEntry | null {
  const attachment = parseAttachmentLink(fields.get("attachment") ?? "");
  if (!attachment) return null;
  const heading = HEADING.exec(stripEol(headingLine));
  const status = fields.get("status") as EntryStatus;
  const extra: Record<string, string> = {};
  for (const [key, value] of fields) if (!GENERATED_KEYS.has(key)) extra[key] = value;
  const trimmed = body.trimEnd();
  const last = trimmed.slice(trimmed.lastIndexOf("\n") + 1);
  const topics = /^(\[\[[^\]]+\]\]\s*)+$/.test(last) ? [...last.matchAll(/\[\[([^\]]+)\]\]/g)].map((m) => m[1]) : [];
  return {
    attachment,
    kind: mediaKindOf(attachment) ?? "audio",
    date: fields.get("date") ?? "",
    title: heading?.[2]?.trim() ?? "",
    status: ENTRY_STATUSES.includes(status) ? status : "Not Processed",
    error: fields.get("error"),
    area: fields.get("area") ?? "",
    fields: extra,
    topics,
  };
}

/** Splits a log note into its head and its entries; `formatLogDocument` joins them back exactly. */
export function parseLogNote(text: string): LogDocument {
  const lines = splitLines(text);
  const starts: number[] = [];
  const fieldsAt = new Map<number, Map<string, string>>();
  for (let i = 0; i < lines.length; i++) {
    const fields = entryStartAt(lines, i);
    if (fields) {
      starts.push(i);
      fieldsAt.set(i, fields);
    }
  }
  let head = lines.slice(0, starts[0] ?? lines.length).join("");
  const entries: ParsedEntry[] = [];
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    let markerAt = -1;
    for (let i = start + 2; i < end; i++) {
      if (lines[i].startsWith("%% bitacora ") && END_MARKER.test(stripEol(lines[i]))) {
        markerAt = i;
        break;
      }
    }
    const rawEnd = markerAt >= 0 ? markerAt + 1 : end;
    const body = lines.slice(start + 2, markerAt >= 0 ? markerAt : end).join("");
    const hash = markerAt >= 0 ? END_MARKER.exec(stripEol(lines[markerAt]))?.[1] : undefined;
    const entry = toEntry(lines[start], fieldsAt.get(start)!, body);
    const parsed: ParsedEntry = {
      entry: entry!,
      raw: lines.slice(start, rawEnd).join(""),
      headingLine: stripEol(lines[start]),
      fieldLine: stripEol(lines[start + 1]),
      body,
      edited: hash === undefined || hash !== shortHash(body.includes("\r") ? body.replace(/\r\n/g, "\n") : body),
      trailing: lines.slice(rawEnd, end).join(""),
    };
    // A heading that only looks like an entry stays the user's text.
    if (entry) entries.push(parsed);
    else if (entries.length) entries[entries.length - 1].trailing += parsed.raw + parsed.trailing;
    else head += parsed.raw + parsed.trailing;
  });
  return { head, entries };
}

export function formatLogDocument(doc: LogDocument): string {
  return doc.head + doc.entries.map((parsed) => parsed.raw + parsed.trailing).join("");
}
