import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LogEntry } from "../../../src/core/log/entry";
import { convertLogNote } from "../../../src/core/log/convert-style";
import { labelsFor } from "../../../src/core/log/labels";
import { parseLogNote } from "../../../src/core/log/parse-log-note";
import { upsertEntry } from "../../../src/core/log/upsert-entry";

const es = labelsFor("es");
const SEEDS = path.join(__dirname, "../../../../shared/seeds");
const seed000 = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((name) => name.startsWith("000_"))!), "utf8");

function attachment(name: string, time: string, overrides: Partial<LogEntry> = {}): LogEntry {
  const kind = name.endsWith(".webm") ? "audio" : "image";
  return {
    attachment: `Attachments/${name}`,
    kind,
    date: `2025-07-30T${time}`,
    title: `entrada ${time}`,
    status: "Processed",
    area: "DevOps",
    fields: { emotion: "calma", latency_ms: "180" },
    topics: ["whisper_ai"],
    findings: kind === "audio" ? { kind, audio: { transcript: "Todo en verde [ok]." } } : { kind, image: { description: "Panel con 3 pods." } },
    ...overrides,
  };
}

/** A day written by Bitácora: a moment of two attachments, an error entry, user text in between. */
function writtenDay(style: "seed" | "list"): string {
  const options = { style, groupWindowMinutes: 10 };
  let text = "# Log - 2025-07-30\n\nIntro del día.\n";
  text = upsertEntry(text, attachment("a.jpg", "08:45"), es, options);
  text = upsertEntry(text, attachment("b.webm", "08:48"), es, options);
  text = upsertEntry(text, attachment("c.jpg", "15:30", { status: "Error", error: "Not a readable image", findings: undefined }), es, options);
  text = upsertEntry(text, attachment("d.jpg", "20:15", { topics: [] }), es, options);
  return text.replace("\n\n**Foto: a.jpg**", "\n\nLo que vi en el panel.\n\n**Foto: a.jpg**").concat("\nNotas finales del día.\n");
}

const userLines = (text: string) =>
  text.split("\n").filter((line) => !/^(## )?\d\d:\d\d /.test(line) && !/^[a-z_]+:: /.test(line) && !line.startsWith("- [") && line !== "---" && line !== "");

describe("Convert log note to entry style", () => {
  test("seed → list items → seed returns the original bytes for generated entries", () => {
    const seed = writtenDay("seed");
    const list = convertLogNote(seed, "list");
    expect(list).not.toBe(seed);
    expect(parseLogNote(list).entries.every((p) => p.style === "list")).toBe(true);
    expect(list).toContain("## 08:45 entrada 08:45\n- [status:: Processed] [area:: DevOps] [date:: 2025-07-30T08:45] [attachment:: [[Attachments/a.jpg]], [[Attachments/b.webm]]] [emotion:: calma] [latency_ms:: 180]\n");
    expect(convertLogNote(list, "seed")).toBe(seed);
  });

  test("list items → seed → list items returns the original bytes too", () => {
    const list = writtenDay("list");
    expect(convertLogNote(convertLogNote(list, "seed"), "list")).toBe(list);
  });

  test("entries keep their values, blocks stay unedited, and every user line stays in order", () => {
    for (const note of [seed000, writtenDay("seed"), seed000.replace(/\n/g, "\r\n")]) {
      const list = convertLogNote(note, "list");
      const before = parseLogNote(note).entries;
      const after = parseLogNote(list).entries;
      // Only the kind of heading differs (a seed line is not a Markdown heading).
      expect(after.map((p) => ({ ...p.entry, plainHeading: undefined }))).toEqual(before.map((p) => ({ ...p.entry, plainHeading: undefined })));
      expect(after.map((p) => p.edited)).toEqual(before.map(() => false));
      expect(userLines(list.replace(/\r/g, ""))).toEqual(userLines(note.replace(/\r/g, "")));
      expect(convertLogNote(list, "seed")).toBe(note);
    }
  });

  test("a note already in the style is left as it is", () => {
    expect(convertLogNote(seed000, "seed")).toBe(seed000);
    const list = writtenDay("list");
    expect(convertLogNote(list, "list")).toBe(list);
  });
});
