import { attachmentLink } from "./attachment-link";
import type { LogEntry } from "./entry";
import { formatFieldLine, sanitizeFieldValue } from "./inline-fields";
import type { LogLabels } from "./labels";
import { renderEntryBody } from "./render-body";
import { shortHash } from "./short-hash";

/** `%% bitacora 1a2b3c4d %%` closes the generated part; the hash reveals edits made by the user. */
export const END_MARKER = /^%% bitacora ([0-9a-f]{8}) %%$/;
export const endMarker = (body: string) => `%% bitacora ${shortHash(body)} %%`;

export function entryTime(entry: LogEntry): string {
  return entry.date.slice(11, 16);
}

export function renderHeading(entry: LogEntry): string {
  return `## ${entryTime(entry)} ${entry.title.replace(/\r?\n/g, " ").trim()}`;
}

export function renderFieldLine(entry: LogEntry): string {
  const fields: [string, string][] = [
    ["status", entry.status],
    ["area", sanitizeFieldValue(entry.area)],
    ["date", entry.date],
    ["attachment", attachmentLink(entry.attachment)],
  ];
  if (entry.status === "Error" && entry.error) fields.push(["error", sanitizeFieldValue(entry.error)]);
  for (const [key, value] of Object.entries(entry.fields)) {
    if (value !== "") fields.push([key, sanitizeFieldValue(value)]);
  }
  return formatFieldLine(fields);
}

/** The whole generated block of an entry, heading to end marker, ending with a newline. */
export function renderEntry(entry: LogEntry, labels: LogLabels): string {
  const body = renderEntryBody(entry, labels);
  return `${renderHeading(entry)}\n${renderFieldLine(entry)}\n${body}${endMarker(body)}\n`;
}
