import fc from "fast-check";
import { labelsFor } from "../../../src/core/log/labels";
import { formatLogDocument, parseLogNote } from "../../../src/core/log/parse-log-note";
import { upsertEntry } from "../../../src/core/log/upsert-entry";

const es = labelsFor("es");

const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
/** User text: emoji, accents, Markdown, `---` rules, lines that almost look like structure. */
const userLine = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "ñ", " ", "✅", "📋", "⚠️", "#", "-", "[", "]", ":", "%", "*", "`", ">", "2") }),
  fc.constantFrom("---", "- Accuracy mejoró de 85.3% a 89.4%", "**Foto: x.jpg**", "[[whisper_ai]]", "12:30 no es una entrada", "status:: suelto", "%% nota %%", ""),
);
const body = fc.array(userLine, { maxLength: 6 });

const seedEntry = fc.record({ time, title: userLine, status: fc.constantFrom("Processed", "In Progress", "Not Processed"), body }).map(
  ({ time, title, status, body }) => [`${time} ${title}`.trimEnd(), `status:: ${status}`, "area:: DevOps", `date:: 2025-07-30 ${time}`, "", ...body, "", "---", ""],
);
const listEntry = fc.record({ time, title: userLine, body }).map(({ time, title, body }) => [
  `## ${time} ${title}`.trimEnd(),
  `- [status:: Processed] [area:: Technical] [date:: 2025-07-30T${time}]`,
  "",
  ...body,
]);

const note = fc
  .record({ head: body, entries: fc.array(fc.oneof(seedEntry, listEntry), { maxLength: 6 }), crlf: fc.boolean(), finalEol: fc.boolean() })
  .map(({ head, entries, crlf, finalEol }) => {
    const eol = crlf ? "\r\n" : "\n";
    const text = ["# Log - 2025-07-30", ...head, ...entries.flat()].join(eol);
    return finalEol ? text + eol : text;
  });

/** Every line of `before` is in `after`, in the same order. */
function keepsInOrder(before: string, after: string): boolean {
  let at = 0;
  for (const line of before.split(/\r?\n/)) {
    const found = after.indexOf(line, at);
    if (found < 0) return false;
    at = found + line.length;
  }
  return true;
}

test("format(parse(note)) == note for both styles mixed, CRLF, emoji and `---` in user text", () => {
  fc.assert(
    fc.property(note, (text) => {
      expect(formatLogDocument(parseLogNote(text))).toBe(text);
    }),
    { numRuns: 400 },
  );
});

test("writing a new entry into any such note keeps every line the user wrote, in order, and the entries in time order", () => {
  fc.assert(
    fc.property(note, time, fc.boolean(), (text, at, grouped) => {
      const entry = {
        attachment: "Attachments/nuevo.jpg",
        kind: "image" as const,
        date: `2025-07-30T${at}`,
        title: "nueva foto",
        status: "Processed" as const,
        area: "DevOps",
        fields: {},
        topics: [],
      };
      const updated = upsertEntry(text, entry, es, { groupWindowMinutes: grouped ? 10 : 0 });
      expect(keepsInOrder(text, updated)).toBe(true);
      const doc = parseLogNote(updated);
      expect(doc.entries.filter((p) => p.attachments.includes("Attachments/nuevo.jpg"))).toHaveLength(1);
      expect(formatLogDocument(doc)).toBe(updated);
      const times = doc.entries.map((p) => p.header.heading.time);
      const own = doc.entries.findIndex((p) => p.attachments.includes("Attachments/nuevo.jpg"));
      expect(times.slice(0, own).every((t) => t <= at)).toBe(true);
      // Before the first later entry (the user's own order of the others is theirs).
      expect(own === times.length - 1 || times[own + 1] > at).toBe(true);
    }),
    { numRuns: 300 },
  );
});
