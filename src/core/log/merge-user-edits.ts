import type { LogEntry } from "./entry";
import type { ParsedEntry } from "./parse-log-note";

/** What the writer put in an entry last time, to tell the user's edits from its own. */
export interface GeneratedValues {
  title: string;
  area: string;
  fieldKeys: string[];
}

/**
 * The entry to write, keeping what the user changed since the last write: an edited title or
 * area wins over the generated one, and fields the user added to the field line stay.
 */
export function mergeUserEdits(next: LogEntry, existing: ParsedEntry | null, previous: GeneratedValues | undefined): LogEntry {
  if (!existing) return next;
  const current = existing.entry;
  const merged: LogEntry = { ...next, fields: { ...next.fields } };
  if (previous && current.title && current.title !== previous.title) merged.title = current.title;
  if (previous && current.area && current.area !== previous.area) merged.area = current.area;
  const ours = new Set(previous?.fieldKeys ?? Object.keys(next.fields));
  for (const [key, value] of Object.entries(current.fields)) {
    if (!ours.has(key) && !(key in merged.fields)) merged.fields[key] = value;
  }
  return merged;
}
