/**
 * The generated part of a dashboard note lives between two Obsidian comment markers; the
 * user's text before and after them is never touched.
 */
export const START_MARKER = "%% bitacora:dashboard:start %%";
export const END_MARKER = "%% bitacora:dashboard:end %%";

/**
 * Replaces what lies between the markers with `generated`. A note without a marker pair keeps
 * all its text and gets the section appended. A stray marker the user left is kept as text:
 * the pair used is the last start marker that has an end marker after it.
 */
export function replaceGeneratedSection(note: string, generated: string): string {
  const eol = note.includes("\r\n") ? "\r\n" : "\n";
  const body = generated.replace(/\r?\n/g, eol).replace(/\s+$/, "");
  const block = `${START_MARKER}${eol}${body}${eol}${END_MARKER}`;
  const { start, end } = markerPair(note);
  if (start >= 0 && end >= 0) return note.slice(0, start) + block + note.slice(end + END_MARKER.length);
  if (note.trim() === "") return block + eol;
  const separator = note.endsWith(eol + eol) ? "" : note.endsWith(eol) ? eol : eol + eol;
  return note + separator + block + eol;
}

function markerPair(note: string): { start: number; end: number } {
  for (let start = note.lastIndexOf(START_MARKER); start >= 0; start = start > 0 ? note.lastIndexOf(START_MARKER, start - 1) : -1) {
    const end = note.indexOf(END_MARKER, start + START_MARKER.length);
    if (end >= 0) return { start, end };
  }
  return { start: -1, end: -1 };
}

/** The current generated section, or undefined when the note has none. */
export function generatedSectionOf(note: string): string | undefined {
  const { start, end } = markerPair(note);
  if (start < 0 || end < 0) return undefined;
  return note.slice(start + START_MARKER.length, end).replace(/^\r?\n/, "").replace(/\r?\n$/, "");
}
