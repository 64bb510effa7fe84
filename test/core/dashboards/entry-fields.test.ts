/**
 * Entry fields stay entry-level in Dataview's model. Each entry's fields are one Markdown list
 * item of bracketed `[key:: value]` fields, which Dataview attaches to that list item
 * (`file.lists[i].status`), not collapsed into page-level arrays as `key:: value` lines are.
 *
 * The npm bundle of obsidian-dataview ships its query/expression parsers but not its markdown
 * importer (`extractInlineFields` exists only as a .d.ts), so the bracket split below is ours;
 * the value of every field is parsed with Dataview's own inline-field grammar
 * (`EXPRESSION.inlineField`, what Dataview applies to inline field values).
 */
import { DashboardRenderer } from "../../../src/core/dashboards/render";
import { DEFAULT_DASHBOARD_SETTINGS } from "../../../src/core/dashboards/settings";
import { enrichEntry } from "../../../src/core/enrich/enrich";
import { buildNoteIndex } from "../../../src/core/enrich/links";
import type { LogEntry } from "../../../src/core/log/entry";
import { labelsFor } from "../../../src/core/log/labels";
import { parseLogNote } from "../../../src/core/log/parse-log-note";
import { renderEntry } from "../../../src/core/log/render-entry";
import { dataview } from "./dataview-parser";
import { CALENDAR } from "./fixtures";

/** Top-level `[...]` groups of a list item, nested brackets (wikilinks) kept inside. */
function bracketedFields(listItem: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < listItem.length; i++) {
    if (listItem[i] === "[" && depth++ === 0) start = i + 1;
    else if (listItem[i] === "]" && --depth === 0) {
      const inner = listItem.slice(start, i);
      const sep = inner.indexOf("::");
      if (sep > 0) fields.push([inner.slice(0, sep).trim(), inner.slice(sep + 2).trim()]);
    }
  }
  return fields;
}

const notes = buildNoteIndex([{ name: "whisper_ai", aliases: ["whisper"] }]);
const base = (attachment: string, date: string, transcript: string): LogEntry => ({
  attachment, kind: "audio", date, title: "", status: "Processed", area: "", fields: {}, topics: [],
  findings: { kind: "audio", audio: { transcript }, emotion: { label: "satisfacción", confidence: 0.7, source: "voice" } },
});

const entries = [
  enrichEntry(base("Adjuntos/deploy.m4a", "2025-07-30T15:30", "El deployment en staging se completó sin errores, la latencia promedio es de 180ms con whisper."), { notes }).entry,
  { ...enrichEntry(base("Adjuntos/stress.m4a", "2025-07-30T20:15", "Iniciando test con 1000 usuarios concurrentes, response time promedio 195ms."), { notes }).entry, status: "In Progress" as const },
];
const note = "# Log - 2025-07-30\n\n" + entries.map((e) => renderEntry(e, labelsFor("es"))).join("\n");
const fieldLines = note.split("\n").filter((line) => /^- \[[a-z_]+:: /.test(line));

describe("entry fields in the day note", () => {
  test("each entry has exactly one field line, a list item, and no page-level `key:: value` line exists", () => {
    expect(fieldLines).toHaveLength(2);
    expect(note.split("\n").filter((l) => /^[A-Za-z_][\w -]*::/.test(l))).toEqual([]);
  });

  test("each list item carries its own entry's values", () => {
    const [first, second] = fieldLines.map((l) => Object.fromEntries(bracketedFields(l)));
    expect(first).toMatchObject({ status: "Processed", area: "DevOps", date: "2025-07-30T15:30", latency_ms: "180", type: "deployment", environment: "staging" });
    expect(second).toMatchObject({ status: "In Progress", area: "Quality Assurance", date: "2025-07-30T20:15", latency_ms: "195", concurrent_users: "1000" });
  });

  test("Dataview's inline-field grammar types the values: date, link, number, text", () => {
    const fields = Object.fromEntries(bracketedFields(fieldLines[0]));
    const date = dataview.EXPRESSION.inlineField.tryParse(fields.date) as { toISODate(): string; hour: number; minute: number };
    expect([date.toISODate(), date.hour, date.minute]).toEqual(["2025-07-30", 15, 30]);
    expect(dataview.EXPRESSION.inlineField.tryParse(fields.attachment)).toMatchObject({ path: "Adjuntos/deploy.m4a", type: "file" });
    expect(dataview.EXPRESSION.inlineField.tryParse(fields.latency_ms)).toBe(180);
    // Plain words are not a Dataview literal: Dataview keeps them as the raw string.
    expect(dataview.EXPRESSION.inlineField.parse(fields.status).status).toBe(false);
    expect(dataview.EXPRESSION.inlineField.parse(fields.emotion).status).toBe(false);
  });

  test("field keys are already in Dataview's canonical form (lower case, no spaces)", () => {
    for (const line of fieldLines) for (const [key] of bracketedFields(line)) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});

test("the log writer's note parses back into the same dashboard figures (parseLogNote → dashboards)", () => {
  const parsed = parseLogNote(note).entries.map((p) => p.entry);
  expect(parsed.map((e) => [e.status, e.area, e.fields.latency_ms])).toEqual([["Processed", "DevOps", "180"], ["In Progress", "Quality Assurance", "195"]]);
  const renderer = new DashboardRenderer({ ...DEFAULT_DASHBOARD_SETTINGS, ...CALENDAR });
  renderer.setNote("Log/2025-07-30.md", parsed);
  const { sprint, deployments } = renderer.render({});
  expect(sprint).toContain("| **2** (actual) | 2025-07-21 → 2025-08-03 | 2 | 1 | 1 | 0 | 0 |");
  expect(deployments).toContain("| staging | 1 | 1 | 0 | 0 | 0 |");
});
