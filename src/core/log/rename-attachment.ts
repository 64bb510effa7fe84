import { fileNameOf } from "../media";
import { attachmentLink } from "./attachment-link";
import { formatLogDocument, parseLogNote, reparseEntry } from "./parse-log-note";
import { endMarker } from "./render-entry";
import { parseEndMarker, stripEol } from "./structure";

/**
 * Points an entry at the attachment's new path after a rename or move. Obsidian's own link
 * updater may have done it already; then only the block heading is checked. Untouched blocks
 * get a fresh marker so they still count as unedited.
 */
export function renameAttachmentInNote(noteText: string, oldPath: string, newPath: string): string {
  const doc = parseLogNote(noteText);
  const index = doc.entries.findIndex((p) => p.blocks.some((b) => b.generated && b.attachment === oldPath));
  if (index < 0) return noteText;
  const parsed = doc.entries[index];
  const block = parsed.blocks.find((b) => b.generated && b.attachment === oldPath)!;
  const swap = (text: string) =>
    text
      .split(attachmentLink(oldPath, true)).join(attachmentLink(newPath, true))
      .split(attachmentLink(oldPath)).join(attachmentLink(newPath))
      .split(`: ${fileNameOf(oldPath)}**`).join(`: ${fileNameOf(newPath)}**`);
  const lines = [...parsed.lines];
  for (let i = 1; i < parsed.header.lineCount; i++) lines[i] = swap(lines[i]);
  for (let i = block.start; i < block.end - 1; i++) lines[i] = swap(lines[i]);
  if (!block.edited) {
    const markerLine = lines[block.end - 1];
    const eol = markerLine.slice(stripEol(markerLine).length);
    lines[block.end - 1] = endMarker(lines.slice(block.start, block.end - 1).join(""), parseEndMarker(markerLine)?.time) + eol;
  }
  doc.entries[index] = reparseEntry(lines.join(""));
  return formatLogDocument(doc);
}
