import { fileNameOf } from "../media";
import { attachmentLink } from "./attachment-link";
import { formatLogDocument, parseLogNote, reparseEntry } from "./parse-log-note";
import { endMarker } from "./render-entry";
import { blockHash } from "./short-hash";
import { parseEndMarker, stripEol } from "./structure";

/**
 * Points an entry at the attachment's new path after a rename or move. Obsidian's own link
 * updater may have done it already; then only the block heading is checked. Untouched blocks
 * get a fresh marker so they still count as unedited.
 */
export function renameAttachmentInNote(noteText: string, oldPath: string, newPath: string): string {
  const doc = parseLogNote(noteText);
  const named = (path: string) => doc.entries.findIndex((p) => p.blocks.some((b) => b.generated && b.attachment === path));
  const index = named(oldPath) >= 0 ? named(oldPath) : named(newPath);
  if (index < 0) return noteText;
  const parsed = doc.entries[index];
  const block = parsed.blocks.find((b) => b.generated && (b.attachment === oldPath || b.attachment === newPath))!;
  const replace = (from: string, to: string) => (text: string) =>
    text
      .split(attachmentLink(from, true)).join(attachmentLink(to, true))
      .split(attachmentLink(from)).join(attachmentLink(to))
      .split(`: ${fileNameOf(from)}**`).join(`: ${fileNameOf(to)}**`);
  const swap = replace(oldPath, newPath);
  const lines = [...parsed.lines];
  for (let i = 1; i < parsed.header.lineCount; i++) lines[i] = swap(lines[i]);
  for (let i = block.start; i < block.end - 1; i++) lines[i] = swap(lines[i]);
  const markerLine = lines[block.end - 1];
  const marker = parseEndMarker(markerLine);
  // Obsidian's link updater may have changed the embed already: the block counts as unedited if it
  // matches its marker under either name.
  const asOld = blockHash(lines.slice(block.start, block.end - 1).map(replace(newPath, oldPath)).join(""));
  if (!block.edited || marker?.hash === asOld) {
    const eol = markerLine.slice(stripEol(markerLine).length);
    lines[block.end - 1] = endMarker(lines.slice(block.start, block.end - 1).join(""), marker?.time, marker?.stamp) + eol;
  }
  doc.entries[index] = reparseEntry(lines.join(""));
  return formatLogDocument(doc);
}
