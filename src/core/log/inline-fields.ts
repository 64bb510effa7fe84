/**
 * The entry's field line: one list item of bracketed Dataview inline fields, so Dataview keeps
 * them together per entry. Values never contain brackets or newlines (they would end the field).
 */
export function sanitizeFieldValue(value: string): string {
  return value.replace(/\r?\n/g, " ").replace(/\[/g, "(").replace(/\]/g, ")").replace(/::/g, ":").trim();
}

export function formatFieldLine(fields: [string, string][]): string {
  return "- " + fields.map(([key, value]) => `[${key}:: ${value}]`).join(" ");
}

/** Reads `[key:: value]` pairs, allowing one level of nested brackets (wikilinks, Markdown links). */
export function parseFieldLine(line: string): Map<string, string> | null {
  if (!line.startsWith("- ")) return null;
  const fields = new Map<string, string>();
  let i = 2;
  while (i < line.length) {
    const open = line.indexOf("[", i);
    if (open < 0) break;
    let depth = 0;
    let close = -1;
    for (let j = open; j < line.length; j++) {
      if (line[j] === "[") depth++;
      else if (line[j] === "]" && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close < 0) break;
    const inner = line.slice(open + 1, close);
    const sep = inner.indexOf("::");
    if (sep > 0) fields.set(inner.slice(0, sep).trim(), inner.slice(sep + 2).trim());
    i = close + 1;
  }
  return fields.size > 0 ? fields : null;
}
