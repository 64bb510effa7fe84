/**
 * Text that engines produce (transcripts, OCR lines, captions, error messages) and file names are
 * data, never structure. Every engine string is made one line (so it cannot start a heading, a
 * field line, an end marker, front matter, a list item or a `---` separator: the writers always put
 * it after their own prefix) and loses the few inline sequences Obsidian or Dataview would act on
 * (`[[links]]`, `%% comments %%`, `key:: value` fields), escaped with Markdown's backslash so the
 * reader still sees the same characters.
 */

// Line breaks of every kind, and the other control characters (tab included: it can indent text into code).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const BREAKS_AND_CONTROLS = /\r\n|[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

export function neutraliseEngineText(text: string): string {
  return text
    .replace(BREAKS_AND_CONTROLS, " ")
    .replace(/\[\[/g, "\\[\\[")
    .replace(/\]\]/g, "\\]\\]")
    .replace(/%%/g, "\\%\\%")
    .replace(/::/g, "\\:\\:");
}

/** Every string in an engine's findings, however deep, neutralised; numbers and flags untouched. */
export function neutraliseFindings<T>(value: T): T {
  if (typeof value === "string") return neutraliseEngineText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => neutraliseFindings(item)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, neutraliseFindings(item)])) as T;
  }
  return value;
}

/** A file name as shown in a block heading: one line, no control characters, no `**` that would end the bold. */
export function displayFileName(name: string): string {
  return name.replace(BREAKS_AND_CONTROLS, "\uFFFD").replace(/\*\*/g, "\\*\\*");
}
