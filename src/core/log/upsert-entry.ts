import type { EntryStatus, LogEntry } from "./entry";
import type { LogLabels } from "./labels";
import { readBlockText, type BlockText } from "./block-text";
import { isStamped, stampBlock, stampOf } from "./header-stamp";
import type { GeneratedValues } from "./merge-user-edits";
import { findMoment } from "./moment";
import { eolOf, lastTextLine, placeSorted, takeEntry } from "./note-layout";
import {
  formatLogDocument,
  namesAttachment,
  parseLogNote,
  reparseEntry,
  styleOf,
  type EntryStyle,
  type LogDocument,
  type ParsedEntry,
} from "./parse-log-note";
import { placeholderTitles } from "./placeholder-titles";
import { entryFields, renderBlock, renderEntry, topicsLine } from "./render-entry";
import { rewriteHeader } from "./rewrite-header";
import { isBlank, isSeparator, parseBlockHeading, stripEol, topicLinksOf } from "./structure";

export interface UpsertOptions {
  /** Other paths the attachment was known by (before a rename), to find its entry. */
  previousPaths?: string[];
  /** The entry this attachment had in another note (its day changed): moved here with the user's text. */
  carried?: ParsedEntry | null;
  /** Style of a new entry in a note that has none yet (a note's own style wins). */
  style?: EntryStyle;
  /** Attachments captured within this many minutes of a Bitácora entry join it; 0 turns grouping off. */
  groupWindowMinutes?: number;
  /** What this attachment's last write generated (title, area), so user edits win. */
  generated?: GeneratedValues;
  /**
   * A moment's title, area, topics and fields from this attachment's findings together with what
   * the moment's other processed blocks show (read back from the note).
   */
  combine?: (others: BlockText[]) => MomentValues;
}

export type MomentValues = Pick<LogEntry, "title" | "area" | "fields" | "topics">;

const STATUS_ORDER: EntryStatus[] = ["Error", "In Progress", "Not Processed", "Processed"];

/** A moment's status: the least finished of its blocks. */
function momentStatus(parsed: ParsedEntry): EntryStatus {
  const statuses = parsed.blocks.filter((b) => b.generated).map((b) => b.status ?? "Processed");
  return STATUS_ORDER.find((status) => statuses.includes(status)) ?? parsed.entry.status;
}

function asLines(lines: string[], eol: string): string[] {
  return lines.map((line) => line + eol);
}

/** Keeps a block the user edited: it follows the new one inside a folded callout, word for word. */
function keptEdits(old: string[], labels: LogLabels, eol: string): string[] {
  const quoted = old
    .map(stripEol)
    .join("\n")
    .replace(/^\n+|\n+$/g, "")
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"));
  return asLines(["", `> [!quote]- ${labels.keptEditsCallout}`, ...quoted], eol);
}

/** The entry's heading and fields after this attachment's write, keeping what the user changed. */
function applyHeader(parsed: ParsedEntry, next: LogEntry, before: ParsedEntry, options: UpsertOptions, eol: string): ParsedEntry {
  const current = before.entry;
  const handWritten = !before.blocks.some((b) => b.generated);
  const previous = options.generated;
  const placeholder = placeholderTitles(parsed.attachments).includes(current.title);
  // A title or area Bitácora generated (its hash is in a block's end marker) follows the moment's
  // content; one the user changed stays. Notes written before the stamps fall back to the job's memory.
  // Without a way to combine the blocks (`combine`), the first processed attachment names a moment.
  const single = parsed.blocks.length === 1 && parsed.attachments.length === 1;
  const stamped = (key: "title" | "area", value: string) => (single || !!options.combine) && isStamped(before, key, value);
  const ownsTitle = !handWritten && (current.title === "" || placeholder || stamped("title", current.title) || (single && current.title === previous?.title));
  const ownsArea = !handWritten && (current.area === "" || placeholder || stamped("area", current.area) || (single && current.area === previous?.area));
  const title = ownsTitle || !current.title ? next.title : current.title;
  const area = ownsArea || !current.area ? next.area : current.area;
  const status = momentStatus(parsed);
  const date = handWritten && current.date ? current.date : single ? next.date : momentDate(parsed, current.date || next.date);
  const merged: LogEntry = { ...next, title, area, status, date, fields: { ...next.fields } };
  if (status === "Error" && next.status !== "Error") merged.error = current.error;
  const values = new Map<string, string | null>();
  const attachments = parsed.blocks.filter((b) => b.generated).map((b) => b.attachment);
  const has = (key: string) => parsed.header.fields.some(([k]) => k.toLowerCase() === key);
  for (const [key, value] of entryFields(merged, parsed.style === "list" || has("attachment") ? attachments : [])) {
    // A hand-written entry keeps the heading and fields the user gave it: only its status and new metrics change.
    if (handWritten && key !== "status" && (has(key) || key === "date")) continue;
    values.set(key.toLowerCase(), value);
  }
  if (status !== "Error") values.set("error", null);
  const time = handWritten ? parsed.header.heading.time : merged.date.slice(11, 16) || parsed.header.heading.time;
  const header = rewriteHeader(parsed, { time, title, values }, eol);
  const rewritten = reparseEntry([...header, ...parsed.lines.slice(parsed.header.lineCount)].join(""));
  if (handWritten) return rewritten;
  const stamp = stampOf(ownsTitle || !current.title ? title : undefined, ownsArea || !current.area ? area : undefined);
  return reparseEntry(stampBlock(rewritten, next.attachment, stamp).join(""));
}

/** The entry to write with the moment's values computed from all its processed blocks. */
function withMoment(parsed: ParsedEntry, entry: LogEntry, combine: UpsertOptions["combine"]): LogEntry {
  const others = parsed.blocks.filter((b) => b.generated && b.attachment !== entry.attachment && b.status === "Processed");
  if (!combine || others.length === 0) return entry;
  const moment = combine(others.map((block) => readBlockText(parsed, block)));
  return {
    ...entry,
    title: moment.title,
    area: moment.area,
    fields: { ...entry.fields, ...moment.fields },
    topics: [...new Set([...entry.topics, ...moment.topics])],
  };
}

/** The earliest capture time among the moment's blocks, on the entry's day. */
function momentDate(parsed: ParsedEntry, fallback: string): string {
  const times = parsed.blocks.map((b) => b.time).filter((t): t is string => !!t).sort();
  return times.length ? `${fallback.slice(0, 10)}T${times[0]}` : fallback;
}

/** Topic links of all the moment's attachments, the user's first, on one line at the end of the entry. */
function applyTopics(parsed: ParsedEntry, topics: string[], eol: string): ParsedEntry {
  const union = [...new Set([...parsed.entry.topics, ...topics])];
  if (union.length === 0 || union.length === parsed.entry.topics.length) return parsed;
  const lines = [...parsed.lines];
  if (parsed.topicsLine >= 0) {
    const own = topicLinksOf(lines[parsed.topicsLine]) ?? [];
    const line = `${topicsLine(own)} ${topicsLine(union.filter((t) => !own.includes(t)))}`.trim();
    lines[parsed.topicsLine] = line + (lines[parsed.topicsLine].endsWith("\n") ? eol : "");
  } else {
    const after = lastTextLine(lines, parsed.header.lineCount, parsed.bodyEnd);
    if (!lines[after].endsWith("\n")) lines[after] += eol;
    lines.splice(after + 1, 0, eol, topicsLine(union) + eol);
  }
  return reparseEntry(lines.join(""));
}

function replaceLines(parsed: ParsedEntry, start: number, end: number, insert: string[]): ParsedEntry {
  const lines = [...parsed.lines];
  lines.splice(start, end - start, ...insert);
  return reparseEntry(lines.join(""));
}

/** Re-processing: the attachment's own block is rewritten; the rest of the entry keeps its bytes. */
function rewriteBlock(parsed: ParsedEntry, blockIndex: number, entry: LogEntry, labels: LogLabels, eol: string): ParsedEntry {
  const block = parsed.blocks[blockIndex];
  let lines = asLines(renderBlock(entry, labels), eol);
  if (block.edited) lines = [...lines, ...keptEdits(parsed.lines.slice(block.start, block.end - 1), labels, eol)];
  return replaceLines(parsed, block.start, block.end, lines);
}

/** A hand-written entry naming the attachment gets the attachment's block where it names it. */
function fillReference(parsed: ParsedEntry, line: number, entry: LogEntry, labels: LogLabels, eol: string): ParsedEntry {
  const block = asLines(renderBlock(entry, labels), eol);
  const text = stripEol(parsed.lines[line]).trim();
  const alone = /^!?\[\[[^\]]+\]\]$/.test(text);
  if (parseBlockHeading(parsed.lines[line]) || alone) {
    // The user's heading or lone embed becomes the block's; a lone embed right under the heading goes too.
    const under = parsed.lines[line + 1];
    const end = parseBlockHeading(parsed.lines[line]) && under && /^!?\[\[[^\]]+\]\]$/.test(stripEol(under).trim()) ? line + 2 : line + 1;
    return replaceLines(parsed, line, end, block);
  }
  const before = isBlank(parsed.lines[line]) ? [] : [eol];
  const after = line + 1 < parsed.lines.length && !isBlank(parsed.lines[line + 1]) ? [eol] : [];
  const lineText = parsed.lines[line].endsWith("\n") ? parsed.lines[line] : parsed.lines[line] + eol;
  return replaceLines(parsed, line, line + 1, [lineText, ...before, ...block, ...after]);
}

/** A new block joins a moment in capture order. */
function addBlock(parsed: ParsedEntry, entry: LogEntry, labels: LogLabels, eol: string): ParsedEntry {
  const block = asLines(renderBlock(entry, labels), eol);
  const time = entry.date.slice(11, 16);
  const generated = parsed.blocks.filter((b) => b.generated);
  const before = generated.filter((b) => (b.time ?? "") <= time);
  if (before.length) {
    const end = before[before.length - 1].end;
    return replaceLines(parsed, end, end, [eol, ...block]);
  }
  return replaceLines(parsed, generated[0].start, generated[0].start, [...block, eol]);
}

function findBlock(doc: LogDocument, paths: string[]): [number, number] | null {
  for (let i = 0; i < doc.entries.length; i++) {
    const b = doc.entries[i].blocks.findIndex((block) => block.generated && paths.includes(block.attachment));
    if (b >= 0) return [i, b];
  }
  return null;
}

function findReference(doc: LogDocument, paths: string[]): [number, number] | null {
  for (const match of ["exact", "name"] as const) {
    for (let i = 0; i < doc.entries.length; i++) {
      const parsed = doc.entries[i];
      if (namesAttachment(parsed, paths) !== match) continue;
      const names = match === "exact" ? paths : paths.map((p) => p.slice(p.lastIndexOf("/") + 1));
      const reference = parsed.references.find((r) => names.includes(r.target));
      if (reference) return [i, reference.line];
    }
  }
  return null;
}

/** Writes the updated entry back at its place, moving it when its time changed. */
function settle(doc: LogDocument, index: number, updated: ParsedEntry, eol: string): void {
  const before = doc.entries[index];
  if (updated.entry.date === before.entry.date) {
    doc.entries[index] = updated;
    return;
  }
  takeEntry(doc, index);
  placeSorted(doc, updated, eol);
}

/**
 * Writes an attachment's entry into the note. Its own block is rewritten in place when it has one;
 * a hand-written entry naming it is filled in; an entry Bitácora wrote within the group window
 * takes it as one more block; otherwise a new entry goes at its place in time order, in the
 * note's style. Text the user wrote is never dropped.
 */
export function upsertEntry(noteText: string, entry: LogEntry, labels: LogLabels, options: UpsertOptions = {}): string {
  const eol = eolOf(noteText);
  const doc = parseLogNote(noteText);
  const paths = [entry.attachment, ...(options.previousPaths ?? [])];
  // An entry moved from another day comes along, unless it was only a placeholder and this note names the file by hand.
  const carried = options.carried;
  if (carried && !findBlock(doc, paths) && !(isUntouchedPlaceholder(carried) && findReference(doc, paths))) placeSorted(doc, carried, eol);
  const update = (index: number, change: (parsed: ParsedEntry) => ParsedEntry) => {
    const before = doc.entries[index];
    let updated = change(before);
    const next = withMoment(updated, entry, options.combine);
    updated = applyTopics(applyHeader(updated, next, before, options, eol), next.topics, eol);
    settle(doc, index, updated, eol);
    return formatLogDocument(doc);
  };
  const own = findBlock(doc, paths);
  if (own) return update(own[0], (parsed) => rewriteBlock(parsed, own[1], entry, labels, eol));
  const named = findReference(doc, paths);
  if (named) return update(named[0], (parsed) => fillReference(parsed, named[1], entry, labels, eol));
  const moment = findMoment(doc, entry.date, options.groupWindowMinutes ?? 0);
  if (moment >= 0) return update(moment, (parsed) => addBlock(parsed, entry, labels, eol));
  const style = styleOf(doc) ?? options.style ?? "seed";
  const created = reparseEntry(renderEntry(entry, labels, style).replace(/\n/g, eol));
  placeSorted(doc, reparseEntry(stampBlock(created, entry.attachment, stampOf(entry.title, entry.area)).join("")), eol);
  return formatLogDocument(doc);
}

/** Where an attachment stands in a note: its entry, with the status of its own block. */
export function findEntry(noteText: string, attachmentPaths: string[]): ParsedEntry | null {
  const doc = parseLogNote(noteText);
  const own = findBlock(doc, attachmentPaths);
  if (own) {
    const parsed = doc.entries[own[0]];
    const block = parsed.blocks[own[1]];
    return { ...parsed, entry: { ...parsed.entry, status: block.status ?? parsed.entry.status, attachment: block.attachment, kind: block.kind } };
  }
  const named = findReference(doc, attachmentPaths);
  return named ? doc.entries[named[0]] : null;
}

/**
 * Takes an attachment out of a note (its day changed). An entry that was only this attachment
 * goes whole, with the user's text, and is returned to be carried; from a moment only the block goes.
 */
export function removeEntry(noteText: string, attachmentPaths: string[]): { text: string; removed: ParsedEntry | null } {
  const eol = eolOf(noteText);
  const doc = parseLogNote(noteText);
  const own = findBlock(doc, attachmentPaths);
  if (!own) return { text: noteText, removed: null };
  const parsed = doc.entries[own[0]];
  if (parsed.blocks.length === 1 && parsed.attachments.length === 1) {
    const removed = takeEntry(doc, own[0]);
    return { text: formatLogDocument(doc), removed };
  }
  const block = parsed.blocks[own[1]];
  let start = block.start;
  if (start > 0 && isBlank(parsed.lines[start - 1])) start--;
  const rest = replaceLines(parsed, start, block.end, []);
  doc.entries[own[0]] = reparseEntry(rewriteHeader(rest, { time: rest.header.heading.time, title: rest.entry.title, values: new Map([["status", momentStatus(rest)]]) }, eol).concat(rest.lines.slice(rest.header.lineCount)).join(""));
  return { text: formatLogDocument(doc), removed: null };
}

/** An entry Bitácora wrote that holds no text of the user's: safe to take back (from a moment, only its block goes). */
export function isUntouchedPlaceholder(parsed: ParsedEntry): boolean {
  if (parsed.edited) return false;
  if (parsed.blocks.length > 1) return true;
  const inBlock = (i: number) => parsed.blocks.some((b) => i >= b.start && i < b.end);
  return parsed.lines.every(
    (line, i) => i < parsed.header.lineCount || isBlank(line) || isSeparator(line) || i === parsed.topicsLine || inBlock(i),
  );
}
