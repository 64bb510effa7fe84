import { attachmentLink } from "./attachment-link";
import type { LogEntry } from "./entry";
import { formatFieldLine, sanitizeFieldValue } from "./inline-fields";
import type { LogLabels } from "./labels";
import { blockHash } from "./short-hash";
import { renderBlockLines } from "./render-body";
import { formatEndMarker, type EntryStyle, type HeaderStamp } from "./structure";

export { END_MARKER } from "./structure";

/** `%% bitacora 1a2b3c4d 15:38 %%` closes a generated block: the hash reveals the user's edits, the time groups moments. */
export const endMarker = (blockText: string, time?: string, stamp?: HeaderStamp) => formatEndMarker({ hash: blockHash(blockText), time, stamp });

export function entryTime(entry: LogEntry): string {
  return entry.date.slice(11, 16);
}

const oneLine = (text: string) => text.replace(/\r?\n/g, " ").trim();

export function renderHeading(entry: LogEntry, style: EntryStyle): string {
  return `${style === "list" ? "## " : ""}${entryTime(entry)} ${oneLine(entry.title)}`;
}

/** The value a field is written with: seed lines keep brackets, list items cannot. */
export function fieldValue(key: string, value: string, style: EntryStyle): string {
  if (key === "date" && style === "seed") return value.replace("T", " ");
  // Attachment links keep their brackets: the field reader allows one level of nesting.
  return style === "list" && key !== "attachment" ? sanitizeFieldValue(value) : oneLine(value);
}

/** Status, area, date (and the error's reason), then the entry's further fields, in write order. */
export function entryFields(entry: LogEntry, attachments: string[] = [entry.attachment]): [string, string][] {
  const fields: [string, string][] = [
    ["status", entry.status],
    ["area", entry.area],
    ["date", entry.date],
  ];
  if (attachments.length) fields.push(["attachment", attachments.map((a) => attachmentLink(a)).join(", ")]);
  if (entry.status === "Error" && entry.error) fields.push(["error", entry.error]);
  for (const [key, value] of Object.entries(entry.fields)) if (value !== "") fields.push([key, value]);
  return fields;
}

/** Header lines: seed 000's `key:: value` lines (no attachment field: the blocks name them), or one list item. */
export function renderFieldLines(fields: [string, string][], style: EntryStyle): string[] {
  if (style === "list") return [formatFieldLine(fields.map(([key, value]) => [key, fieldValue(key, value, style)]))];
  return fields.filter(([key]) => key !== "attachment").map(([key, value]) => `${key}:: ${fieldValue(key, value, style)}`);
}

/** A generated block with its end marker, as lines. */
export function renderBlock(entry: LogEntry, labels: LogLabels): string[] {
  const lines = renderBlockLines(entry, labels);
  // A line right after a callout would continue it: the marker gets a line of its own.
  if (lines[lines.length - 1].startsWith(">")) lines.push("");
  return [...lines, endMarker(lines.map((line) => `${line}\n`).join(""), entryTime(entry))];
}

export const topicsLine = (topics: string[]) => topics.map((topic) => `[[${topic}]]`).join(" ");

/** A new entry, heading to topic links, ending with a newline (the separator is the placement's business). */
export function renderEntry(entry: LogEntry, labels: LogLabels, style: EntryStyle = "list"): string {
  const lines = [renderHeading(entry, style), ...renderFieldLines(entryFields(entry), style), "", ...renderBlock(entry, labels)];
  if (entry.topics.length) lines.push("", topicsLine(entry.topics));
  return `${lines.join("\n")}\n`;
}
