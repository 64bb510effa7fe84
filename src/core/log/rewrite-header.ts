import { formatFieldLine } from "./inline-fields";
import type { ParsedEntry } from "./parse-log-note";
import { fieldValue } from "./render-entry";
import { stripEol } from "./structure";

export interface HeaderChange {
  time: string;
  title: string;
  /** Field key (lower case) → new value; null removes the field. Keys not named stay as the user wrote them. */
  values: Map<string, string | null>;
}

/**
 * The entry's heading and field lines with the change applied in place: lines whose value did
 * not change keep their bytes, fields the user added keep their place, new fields go last.
 */
export function rewriteHeader(parsed: ParsedEntry, change: HeaderChange, eol: string): string[] {
  const { header, lines } = parsed;
  const heading = header.heading;
  const out: string[] = [];
  const sameHeading = heading.time === change.time && heading.title === change.title;
  out.push(sameHeading ? stripEol(lines[0]) : `${heading.prefix}${change.time} ${change.title.replace(/\r?\n/g, " ").trim()}`);
  const pending = new Map(change.values);
  const updated = (key: string, value: string): string | null | undefined => {
    const lower = key.toLowerCase();
    if (!pending.has(lower)) return value;
    const next = pending.get(lower)!;
    pending.delete(lower);
    return next;
  };
  if (header.style === "seed") {
    header.fields.forEach(([key, value], k) => {
      const next = updated(key, value);
      if (next === null || next === undefined) return;
      out.push(next === value ? stripEol(lines[1 + k]) : `${key}:: ${fieldValue(key.toLowerCase(), next, "seed")}`);
    });
    for (const [key, value] of pending) if (value !== null && key !== "attachment") out.push(`${key}:: ${fieldValue(key, value, "seed")}`);
  } else {
    const fields: [string, string][] = [];
    let changed = false;
    for (const [key, value] of header.fields) {
      const next = updated(key, value);
      if (next === null || next === undefined) changed = true;
      else {
        if (next !== value) changed = true;
        fields.push([key, fieldValue(key.toLowerCase(), next, "list")]);
      }
    }
    for (const [key, value] of pending) {
      if (value === null) continue;
      fields.push([key, fieldValue(key, value, "list")]);
      changed = true;
    }
    out.push(changed ? formatFieldLine(fields) : stripEol(lines[1]));
  }
  const lastHadEol = lines[header.lineCount - 1].endsWith("\n");
  const followed = lines.length > header.lineCount;
  return out.map((line, i) => (i < out.length - 1 || lastHadEol || followed ? line + eol : line));
}
