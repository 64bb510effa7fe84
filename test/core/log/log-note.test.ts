import fc from "fast-check";
import type { LogEntry } from "../../../src/core/log/entry";
import { labelsFor } from "../../../src/core/log/labels";
import { formatLogDocument, parseLogNote } from "../../../src/core/log/parse-log-note";
import { findEntry, removeEntry, upsertEntry } from "../../../src/core/log/upsert-entry";

const es = labelsFor("es");
/** These tests write the Dataview list-item style; seed style has its own tests (seed-style.test.ts). */
const list = { style: "list" as const };

function entry(overrides: Partial<LogEntry> = {}): LogEntry {
  return {
    attachment: "Attachments/optimization_results.jpg",
    kind: "image",
    date: "2025-07-30T08:45",
    title: "Revisión de optimizaciones de modelo",
    status: "Processed",
    area: "Technical",
    fields: { emotion: "satisfacción" },
    topics: ["performance_optimization"],
    findings: { kind: "image", image: { description: "Pantalla de terminal con logs de entrenamiento." } },
    ...overrides,
  };
}

describe("writing entries in seed 000's style", () => {
  test("a photo entry has the heading, per-entry fields, the embed, the description and topic links", () => {
    const text = upsertEntry("# Log - 2025-07-30\n", entry(), es, list);
    expect(text).toContain("## 08:45 Revisión de optimizaciones de modelo\n");
    expect(text).toContain(
      "- [status:: Processed] [area:: Technical] [date:: 2025-07-30T08:45] [attachment:: [[Attachments/optimization_results.jpg]]] [emotion:: satisfacción]\n",
    );
    expect(text).toContain("**Foto: optimization_results.jpg**\n![[Attachments/optimization_results.jpg]]\n");
    expect(text).toContain("*Descripción de la imagen: Pantalla de terminal con logs de entrenamiento.*");
    expect(text).toMatch(/%% bitacora [0-9a-f]{8} 08:45 h=[0-9a-f]{8}\.[0-9a-f]{8} %%\n\n\[\[performance_optimization\]\]\n$/);
  });

  test("an audio entry quotes the transcript and lists timed segments with wall-clock times", () => {
    const audio = entry({
      attachment: "rec.webm",
      kind: "audio",
      date: "2025-07-30T15:30",
      findings: {
        kind: "audio",
        audio: { transcript: "El deployment se completó sin errores", language: "es", durationSec: 75, segments: [{ start: 62, end: 65, text: "sin errores" }] },
      },
    });
    const text = upsertEntry("", audio, es, list);
    expect(text).toContain('*Contenido del audio: "El deployment se completó sin errores"*');
    expect(text).toContain("> [!note]- Segmentos con tiempo (es · 1:15)\n> - [[rec.webm#t=62|1:02]] (15:31:02) sin errores");
  });

  test("English labels when the log language is English", () => {
    const text = upsertEntry("", entry(), labelsFor("en"), list);
    expect(text).toContain("**Photo: optimization_results.jpg**");
    expect(text).toContain("*Image description: ");
  });

  test("an error entry carries its reason as a field and in the body", () => {
    const text = upsertEntry("", entry({ status: "Error", error: "Not a readable image: [bad] header" }), es, list);
    expect(text).toContain("[status:: Error]");
    expect(text).toContain("[error:: Not a readable image: (bad) header]");
    expect(text).toContain("*Error: Not a readable image: [bad] header*");
  });
});

describe("updating in place", () => {
  test("re-processing updates the same entry; user text around it stays where it was", () => {
    const first = upsertEntry("# Log - 2025-07-30\n\nMy intro.\n", entry({ status: "In Progress" }), es, list);
    const withNotes = first + "\nMy own notes about this photo.\n";
    const updated = upsertEntry(withNotes, entry({ status: "Processed" }), es, list);
    expect(parseLogNote(updated).entries).toHaveLength(1);
    expect(updated).toContain("[status:: Processed]");
    expect(updated.indexOf("My intro.")).toBeLessThan(updated.indexOf("## 08:45"));
    expect(updated.indexOf("%% bitacora")).toBeLessThan(updated.indexOf("My own notes about this photo."));
  });

  test("entries stay sorted by time and each keeps its trailing user text", () => {
    let text = "# Log - 2025-07-30\n";
    text = upsertEntry(text, entry({ attachment: "b.jpg", date: "2025-07-30T15:30", title: "B" }), es, list) + "notes on B\n";
    text = upsertEntry(text, entry({ attachment: "c.jpg", date: "2025-07-30T20:15", title: "C" }), es, list);
    text = upsertEntry(text, entry({ attachment: "a.jpg", date: "2025-07-30T08:45", title: "A" }), es, list);
    const doc = parseLogNote(text);
    expect(doc.entries.map((p) => p.entry.title)).toEqual(["A", "B", "C"]);
    expect(doc.entries[1].raw).toContain("notes on B");
  });

  test("a body the user edited is kept word for word in a folded callout after the new body", () => {
    const first = upsertEntry("", entry({ status: "In Progress" }), es, list);
    const edited = first.replace("*Procesando…*", "*Procesando…*\nI added this line inside the entry.");
    expect(parseLogNote(edited).entries[0].edited).toBe(true);
    const updated = upsertEntry(edited, entry(), es, list);
    expect(updated).toContain("> I added this line inside the entry.");
    expect(updated).toContain("*Descripción de la imagen:");
    expect(parseLogNote(updated).entries[0].edited).toBe(false);
  });

  test("a time change moves the entry with its notes; remove takes it out whole", () => {
    let text = upsertEntry("", entry({ attachment: "a.jpg", date: "2025-07-30T08:00", title: "A" }), es, list);
    text = upsertEntry(text, entry({ attachment: "b.jpg", date: "2025-07-30T09:00", title: "B" }), es, list);
    text = text.replace("\n## 09:00", "note A\n\n## 09:00");
    text = upsertEntry(text, entry({ attachment: "a.jpg", date: "2025-07-30T10:00", title: "A" }), es, list);
    const doc = parseLogNote(text);
    expect(doc.entries.map((p) => p.entry.title)).toEqual(["B", "A"]);
    expect(doc.entries[1].raw).toContain("note A");
    const { text: rest, removed } = removeEntry(text, ["a.jpg"]);
    expect(removed?.raw).toContain("note A");
    expect(rest).not.toContain("note A");
    expect(findEntry(rest, ["b.jpg"])?.entry.title).toBe("B");
  });

  test("a renamed attachment is found by its previous path", () => {
    const text = upsertEntry("", entry({ attachment: "old name.jpg" }), es, list);
    const updated = upsertEntry(text, entry({ attachment: "new name.jpg" }), es, { ...list, previousPaths: ["old name.jpg"] });
    expect(parseLogNote(updated).entries.map((p) => p.entry.attachment)).toEqual(["new name.jpg"]);
  });

  test("odd file names round-trip through their links", () => {
    for (const name of ["Notas [[raras]] | #1 ^x $(rm -rf) ñandú.jpg", "audio con espacios é.m4a", "a]b[c.png"]) {
      const kind = name.endsWith(".m4a") ? "audio" : "image";
      const text = upsertEntry("", entry({ attachment: `Adjuntos/${name}`, kind }), es, list);
      expect(parseLogNote(text).entries[0].entry.attachment).toBe(`Adjuntos/${name}`);
    }
  });
});

describe("format(parse(note)) == note", () => {
  const userLine = fc.string({ unit: fc.constantFrom("a", "ñ", " ", "#", "-", "[", "]", ":", "%", "\n", "\r\n", "`", ">", "2") });
  const arbEntry = fc.record({
    attachment: fc.constantFrom("a.jpg", "dir/b c.webm", "x[1].png", "r#2.m4a"),
    minute: fc.integer({ min: 0, max: 1439 }),
    title: fc.string({ unit: fc.constantFrom("a", "é", " ", "x", "1") }).map((t) => t.trim() || "t"),
    status: fc.constantFrom("Not Processed", "In Progress", "Processed", "Error") as fc.Arbitrary<LogEntry["status"]>,
    area: fc.constantFrom("Technical", "DevOps", "Data Collection"),
  });

  test("for notes with arbitrary user text between entries", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbEntry, userLine), { maxLength: 5 }), userLine, (items, head) => {
        let text = head;
        for (const [item, after] of items) {
          const date = `2025-07-30T${String(Math.floor(item.minute / 60)).padStart(2, "0")}:${String(item.minute % 60).padStart(2, "0")}`;
          text = upsertEntry(text, entry({ ...item, date, kind: item.attachment.endsWith("jpg") || item.attachment.endsWith("png") ? "image" : "audio" }), es, list);
          text += after;
        }
        expect(formatLogDocument(parseLogNote(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  test("parse(format(entries)) == entries", () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbEntry, { selector: (e) => e.attachment, maxLength: 4 }), (items) => {
        let text = "# Log - 2025-07-30\n";
        const written: LogEntry[] = items.map((item) => {
          const date = `2025-07-30T${String(Math.floor(item.minute / 60)).padStart(2, "0")}:${String(item.minute % 60).padStart(2, "0")}`;
          const kind = /\.(jpg|png)$/.test(item.attachment) ? "image" : "audio";
          return { ...entry(), ...item, date, kind, error: item.status === "Error" ? "boom" : undefined, findings: undefined } as LogEntry;
        });
        for (const e of written) text = upsertEntry(text, e, es, list);
        const parsed = parseLogNote(text).entries.map((p) => p.entry);
        const sorted = [...written].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        expect(parsed.map((p) => p.attachment).sort()).toEqual(sorted.map((p) => p.attachment).sort());
        for (const p of parsed) {
          const original = written.find((w) => w.attachment === p.attachment)!;
          expect({ ...p, findings: undefined }).toEqual({ ...original, minute: undefined, findings: undefined, error: original.error });
        }
      }),
      { numRuns: 200 },
    );
  });
});
