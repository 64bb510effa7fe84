/**
 * Rewrites a note's entries to the other style, keeping every line the user wrote: only the
 * heading's `## `, the field lines, the `T`/space in ISO-looking dates and the `---` between
 * seed entries change. Generated entries convert seed → list → seed back to their exact bytes.
 */
import { attachmentLink } from "./attachment-link";
import { formatFieldLine } from "./inline-fields";
import { eolOf } from "./note-layout";
import { formatLogDocument, parseLogNote, reparseEntry, type EntryStyle, type ParsedEntry } from "./parse-log-note";
import { isBlank } from "./structure";

const PLAIN_DATE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/;

function dateFor(value: string, style: EntryStyle): string {
  const match = PLAIN_DATE.exec(value);
  return match ? `${match[1]}${style === "list" ? "T" : " "}${match[2]}` : value;
}

/** The attachment field a list entry gets: its generated blocks, as the writer writes it. */
function attachmentField(parsed: ParsedEntry): string {
  return parsed.blocks.filter((b) => b.generated).map((b) => attachmentLink(b.attachment)).join(", ");
}

function fieldsFor(parsed: ParsedEntry, style: EntryStyle): [string, string][] {
  const fields = parsed.header.fields.map(([key, value]): [string, string] => [key, key.toLowerCase() === "date" ? dateFor(value, style) : value]);
  const attachments = attachmentField(parsed);
  if (style === "list" && attachments && !fields.some(([key]) => key.toLowerCase() === "attachment")) {
    // After the date, where the writer puts it, so list → seed → list is exact too.
    const at = fields.findIndex(([key]) => key.toLowerCase() === "date");
    fields.splice(at < 0 ? fields.length : at + 1, 0, ["attachment", attachments]);
  }
  // In seed style the blocks name the attachments; a field that says only that goes.
  if (style === "seed") return fields.filter(([key, value]) => !(key.toLowerCase() === "attachment" && value === attachments));
  return fields;
}

function convertEntry(parsed: ParsedEntry, style: EntryStyle, last: boolean, eol: string): ParsedEntry {
  if (parsed.style === style) return parsed;
  const { heading } = parsed.header;
  const headingLine = `${style === "list" ? "## " : ""}${heading.time} ${heading.title}`.trimEnd();
  const fields = fieldsFor(parsed, style);
  const header = style === "list" ? [formatFieldLine(fields)] : fields.map(([key, value]) => `${key}:: ${value}`);
  let rest = parsed.lines.slice(parsed.header.lineCount);
  if (style === "list" && parsed.bodyEnd < parsed.lines.length) {
    // The `---` between seed entries, with the blank line after it, is structure: list entries need none.
    const separator = parsed.bodyEnd - parsed.header.lineCount;
    const dropBlank = separator + 1 < rest.length && isBlank(rest[separator + 1]) ? 2 : 1;
    rest = [...rest.slice(0, separator), ...rest.slice(separator + dropBlank)];
  }
  let text = [headingLine, ...header].map((line) => line + eol).join("") + rest.join("");
  if (style === "seed" && !last) {
    const blankEnd = /\r?\n[ \t]*\r?\n$/.test(text) ? "" : text.endsWith("\n") ? eol : eol + eol;
    text += `${blankEnd}---${eol}${eol}`;
  }
  return reparseEntry(text);
}

/** The note with every entry in `style`; text outside entries is untouched. */
export function convertLogNote(noteText: string, style: EntryStyle): string {
  const eol = eolOf(noteText);
  const doc = parseLogNote(noteText);
  doc.entries = doc.entries.map((parsed, i) => convertEntry(parsed, style, i === doc.entries.length - 1, eol));
  return formatLogDocument(doc);
}
