import type { LogEntry } from "./entry";
import type { LogLabels } from "./labels";
import { formatLogDocument, parseLogNote, type LogDocument, type ParsedEntry } from "./parse-log-note";
import { renderEntry } from "./render-entry";

export interface UpsertOptions {
  /** Other paths the attachment was known by (before a rename), to find its entry. */
  previousPaths?: string[];
  /** User text that travelled with the entry from another note; placed right after it. */
  carriedTrailing?: string;
}

const findIndex = (doc: LogDocument, paths: string[]) => doc.entries.findIndex((p) => paths.includes(p.entry.attachment));

/** Keeps a body the user edited: it follows the new one inside a folded callout, word for word. */
function keptEdits(previous: ParsedEntry, labels: LogLabels): string {
  const quoted = previous.body
    .replace(/\r\n/g, "\n")
    .replace(/^\n+|\n+$/g, "")
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"));
  return `\n> [!quote]- ${labels.keptEditsCallout}\n${quoted.join("\n")}\n`;
}

function placeSorted(doc: LogDocument, parsed: ParsedEntry): void {
  const at = doc.entries.findIndex((other) => other.entry.date > parsed.entry.date);
  if (at < 0) {
    const last = doc.entries[doc.entries.length - 1];
    if (last) last.trailing = ensureBlankLineEnd(last.trailing, last.raw);
    else doc.head = ensureBlankLineEnd(doc.head, "");
    doc.entries.push(parsed);
  } else {
    if (!/\n\s*\n$/.test(parsed.trailing)) parsed.trailing = ensureBlankLineEnd(parsed.trailing, parsed.raw);
    if (at === 0) doc.head = ensureBlankLineEnd(doc.head, "");
    doc.entries.splice(at, 0, parsed);
  }
}

/** Appends newlines so that what follows starts after a blank line. */
function ensureBlankLineEnd(text: string, before: string): string {
  const whole = before + text;
  if (whole === "") return text;
  if (whole.endsWith("\n\n")) return text;
  return text + (whole.endsWith("\n") ? "\n" : "\n\n");
}

function asParsed(entry: LogEntry, labels: LogLabels, trailing: string): ParsedEntry {
  const raw = renderEntry(entry, labels);
  const [headingLine, fieldLine] = raw.split("\n");
  return { entry, raw, headingLine, fieldLine, body: "", edited: false, trailing };
}

/**
 * Writes the entry into the note: in place when its attachment already has an entry (moved if its
 * time changed), else at its place in time order. Text the user wrote is never dropped.
 */
export function upsertEntry(noteText: string, entry: LogEntry, labels: LogLabels, options: UpsertOptions = {}): string {
  const doc = parseLogNote(noteText);
  const index = findIndex(doc, [entry.attachment, ...(options.previousPaths ?? [])]);
  if (index < 0) {
    placeSorted(doc, asParsed(entry, labels, options.carriedTrailing ?? ""));
    return formatLogDocument(doc);
  }
  const previous = doc.entries[index];
  const trailing = (previous.edited ? keptEdits(previous, labels) : "") + previous.trailing;
  const replacement = asParsed(entry, labels, trailing);
  if (previous.entry.date === entry.date) {
    doc.entries[index] = replacement;
  } else {
    doc.entries.splice(index, 1);
    placeSorted(doc, replacement);
  }
  return formatLogDocument(doc);
}

/** Takes an entry (and the user's text after it) out of a note, e.g. when it moves to another day. */
export function removeEntry(noteText: string, attachmentPaths: string[]): { text: string; removed: ParsedEntry | null } {
  const doc = parseLogNote(noteText);
  const index = findIndex(doc, attachmentPaths);
  if (index < 0) return { text: noteText, removed: null };
  const [removed] = doc.entries.splice(index, 1);
  return { text: formatLogDocument(doc), removed };
}

export function findEntry(noteText: string, attachmentPaths: string[]): ParsedEntry | null {
  const doc = parseLogNote(noteText);
  const index = findIndex(doc, attachmentPaths);
  return index < 0 ? null : doc.entries[index];
}
