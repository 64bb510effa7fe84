/**
 * Where entries sit in a note: in time order, seed-style entries separated by `---` (as seed 000),
 * list-style entries by a blank line. Only the separators around a moved entry are touched.
 */
import { reparseEntry, type LogDocument, type ParsedEntry } from "./parse-log-note";
import { isBlank, isSeparator, stripEol } from "./structure";

/** The line ending a note already uses, so added lines match it. */
export const eolOf = (text: string) => (text.includes("\r\n") ? "\r\n" : "\n");

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Does the entry come after a moment at `date`? Entries without a date compare by their heading's time. */
function isAfter(parsed: ParsedEntry, date: string): boolean {
  if (ISO.test(parsed.entry.date) && ISO.test(date)) return parsed.entry.date.slice(0, 16) > date.slice(0, 16);
  return parsed.header.heading.time > date.slice(11, 16);
}

/** Appends line endings so that what follows starts after a blank line. */
function withBlankLineEnd(text: string, eol: string): string {
  if (text === "" || /\r?\n[ \t]*\r?\n$/.test(text)) return text;
  return text + (text.endsWith("\n") ? eol : eol + eol);
}

function endsWithSeparator(parsed: ParsedEntry): boolean {
  return parsed.bodyEnd < parsed.lines.length;
}

/** Makes an entry end so that another can follow: `---` after a seed entry, a blank line after a list entry. */
function separateFromNext(parsed: ParsedEntry, eol: string): ParsedEntry {
  const text = parsed.lines.join("");
  if (parsed.style === "list") return reparseEntry(withBlankLineEnd(text, eol));
  if (endsWithSeparator(parsed)) return reparseEntry(withBlankLineEnd(text, eol));
  return reparseEntry(`${withBlankLineEnd(text, eol)}---${eol}${eol}`);
}

/** The entry's own text without the separator and blank lines that followed it (its own user text stays). */
function withoutSeparator(parsed: ParsedEntry, eol: string): string {
  const own = parsed.lines.slice(0, parsed.bodyEnd);
  while (own.length > parsed.header.lineCount && isBlank(own[own.length - 1])) own.pop();
  const after = parsed.lines.slice(parsed.bodyEnd + 1);
  let text = own.join("");
  if (!text.endsWith("\n")) text += eol;
  // Text the user wrote after the `---` travels with the entry.
  if (after.some((line) => !isBlank(line))) text += eol + after.join("").replace(/(\r?\n)+$/, "") + eol;
  return text;
}

/** Puts an entry at its place in time order (after entries of the same minute). */
export function placeSorted(doc: LogDocument, parsed: ParsedEntry, eol: string): void {
  const at = doc.entries.findIndex((other) => isAfter(other, parsed.entry.date));
  let text = withoutSeparator(parsed, eol);
  if (at < 0) {
    const last = doc.entries.length - 1;
    if (last >= 0) doc.entries[last] = separateFromNext(doc.entries[last], eol);
    else doc.head = withBlankLineEnd(doc.head, eol);
    doc.entries.push(reparseEntry(text));
    return;
  }
  text = parsed.style === "seed" ? `${withBlankLineEnd(text, eol)}---${eol}${eol}` : withBlankLineEnd(text, eol);
  if (at === 0) doc.head = withBlankLineEnd(doc.head, eol);
  doc.entries.splice(at, 0, reparseEntry(text));
}

/** Takes an entry out; a `---` left dangling at the end of the note goes with it. */
export function takeEntry(doc: LogDocument, index: number): ParsedEntry {
  const [removed] = doc.entries.splice(index, 1);
  const last = doc.entries[doc.entries.length - 1];
  if (index === doc.entries.length && last && endsWithSeparator(last)) {
    const rest = last.lines.slice(last.bodyEnd);
    if (rest.every((line) => isBlank(line) || isSeparator(line))) {
      const own = last.lines.slice(0, last.bodyEnd);
      while (own.length > last.header.lineCount && isBlank(own[own.length - 1])) own.pop();
      doc.entries[doc.entries.length - 1] = reparseEntry(own.join(""));
    }
  }
  return removed;
}

/** Index of the last line with text before `end`, or `from - 1`. */
export function lastTextLine(lines: readonly string[], from: number, end: number): number {
  let i = end - 1;
  while (i >= from && stripEol(lines[i]).trim() === "") i--;
  return i;
}
