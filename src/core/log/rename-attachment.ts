import { attachmentLink } from "./attachment-link";
import { formatLogDocument, parseLogNote } from "./parse-log-note";
import { endMarker, END_MARKER } from "./render-entry";
import { fileNameOf } from "../media";

/**
 * Points an entry at the attachment's new path after a rename or move. Obsidian's own link
 * updater may have done it already; then only the key is checked. Untouched bodies get a fresh
 * marker so they still count as unedited.
 */
export function renameAttachmentInNote(noteText: string, oldPath: string, newPath: string): string {
  const doc = parseLogNote(noteText);
  const parsed = doc.entries.find((p) => p.entry.attachment === oldPath);
  if (!parsed) return noteText;
  const swap = (text: string) =>
    text
      .split(attachmentLink(oldPath, true)).join(attachmentLink(newPath, true))
      .split(attachmentLink(oldPath)).join(attachmentLink(newPath))
      .split(`: ${fileNameOf(oldPath)}**`).join(`: ${fileNameOf(newPath)}**`);
  const body = swap(parsed.body);
  const markerLine = parsed.raw.slice(parsed.raw.lastIndexOf("%% bitacora"));
  const hasMarker = END_MARKER.test(markerLine.trim());
  const marker = hasMarker ? (parsed.edited ? markerLine.trimEnd() : endMarker(body.replace(/\r\n/g, "\n"))) : "";
  parsed.raw = `${parsed.headingLine}\n${swap(parsed.fieldLine)}\n${body}${hasMarker ? `${marker}\n` : ""}`;
  return formatLogDocument(doc);
}
