/** Markdown tables and Mermaid charts that read well without any plugin. */

/** A table cell: pipes escaped (wikilink aliases too), no line breaks. */
export function cell(value: string | number | undefined): string {
  if (value === undefined || value === "") return "";
  return String(value).replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

export function table(header: string[], rows: Array<Array<string | number | undefined>>): string {
  const lines = [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ];
  return lines.join("\n");
}

/** Mermaid string literal: double quotes are not escapable there, so they become single quotes. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, " ")}"`;
}

export function mermaid(body: string[]): string {
  return ["```mermaid", ...body, "```"].join("\n");
}

export function pieChart(title: string, slices: Array<[string, number]>): string {
  return mermaid([`pie title ${title.replace(/[\r\n]/g, " ")}`, ...slices.map(([label, value]) => `    ${quoted(label)} : ${value}`)]);
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Bar (and optional line) chart; Mermaid's xychart-beta (Obsidian 1.4+ ships a Mermaid that has it). */
export function xyChart(options: { title: string; xLabels: string[]; yLabel: string; bars?: number[]; line?: number[] }): string {
  const values = [...(options.bars ?? []), ...(options.line ?? [])];
  const max = Math.max(1, ...values);
  const body = [
    "xychart-beta",
    `    title ${quoted(options.title)}`,
    `    x-axis [${options.xLabels.map(quoted).join(", ")}]`,
    `    y-axis ${quoted(options.yLabel)} 0 --> ${Math.ceil(max * 1.1)}`,
  ];
  if (options.bars) body.push(`    bar [${options.bars.map((v) => round(v)).join(", ")}]`);
  if (options.line) body.push(`    line [${options.line.map((v) => round(v)).join(", ")}]`);
  return mermaid(body);
}

/** Mermaid timeline; `:` separates events there, so it cannot appear inside an event. */
export function timelineChart(title: string, periods: Array<{ period: string; events: string[] }>): string {
  const clean = (text: string) => text.replace(/[:;#\r\n]/g, " ").replace(/\s+/g, " ").trim();
  return mermaid([
    "timeline",
    `    title ${clean(title)}`,
    ...periods.map((p) => `    ${clean(p.period)} : ${p.events.map(clean).join(" : ")}`),
  ]);
}

export function dataviewBlock(query: string): string {
  return ["```dataview", query, "```"].join("\n");
}

/** "2025-07-30" → "07-30" for compact chart axes. */
export const shortDay = (day: string) => day.slice(5);
