/**
 * Engine output and file names cannot fake structure: whatever a transcript, OCR, caption or error
 * message says, and whatever characters a file name holds, writing the entry into a note with the
 * user's text (either entry style) and parsing it back gives one more entry, the entry for that
 * file, the other entries untouched and every user line in order.
 */
import fc from "fast-check";
import { attachmentLink, parseAttachmentLink } from "../../../src/core/log/attachment-link";
import { neutraliseEngineText } from "../../../src/core/log/engine-text";
import { labelsFor } from "../../../src/core/log/labels";
import { parseLogNote } from "../../../src/core/log/parse-log-note";
import { upsertEntry } from "../../../src/core/log/upsert-entry";
import type { ProcessorFindings } from "../../../src/core/processing/processor-port";
import type { JobRecord } from "../../../src/core/queue/job";
import { vaultEnricher } from "../../../src/core/service/enrichment-adapter";
import { processedEntry, statusEntry } from "../../../src/core/service/entry-builder";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { keepsInOrder } from "../../support/keeps-in-order";

const es = labelsFor("es");
const context = { settings: DEFAULT_SETTINGS, labels: es, enricher: vaultEnricher, topics: [] };

/** Lines an attacker (or an unlucky recording) would put in engine text to fake structure. */
const structural = fc.constantFrom(
  "%% bitacora 12345678 %%",
  "## 11:30 Otra entrada",
  "11:30 Otra entrada",
  "- [status:: Processed] [area:: DevOps] [date:: 2025-07-30T11:30] [attachment:: [[other.ogg]]]",
  "status:: Processed",
  "attachment:: [[other.ogg]]",
  "**Foto: other.jpg**",
  "![[other.ogg]]",
  "---",
  "- item",
  "# Título",
  "> [!note]- callout",
  "```",
  "",
);
const piece = fc.oneof(structural, fc.string({ unit: fc.constantFrom("a", "ñ", " ", "\n", "\r", "\t", "\u2028", "\u0000", "[", "]", ":", "%", "*", "#", "-", "`", "|", "2") }));
const engineText = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join("\n"));

const findingsArb = fc.record({
  transcript: engineText,
  keyPoints: fc.array(engineText, { maxLength: 3 }),
  segmentText: engineText,
  description: engineText,
  ocrLines: fc.array(engineText, { maxLength: 3 }),
  kind: fc.constantFrom("audio" as const, "image" as const),
});
const fileName = fc
  .array(fc.oneof(fc.constantFrom("a", "ñ", " ", "\n", "\r", "\t", "[", "]", "|", "#", "^", "*", "%", "(", ")", "<", ">", ":", "\u0007"), structural), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""));

/** Notes with user text and an entry for another attachment, in either style. */
const userLine = fc.constantFrom("Mi nota del día", "- tarea pendiente", "12:30 no es una entrada", "status:: suelto", "[[whisper_ai]]", "");
const noteArb = fc.record({ seed: fc.boolean(), head: fc.array(userLine, { maxLength: 3 }), trailing: fc.array(userLine, { maxLength: 3 }) }).map(({ seed, head, trailing }) =>
  [
    "# Log - 2025-07-30",
    ...head,
    "",
    ...(seed
      ? ["09:00 Reunión", "status:: Processed", "area:: DevOps", "date:: 2025-07-30 09:00", "attachment:: [[other.ogg]]", "", "Texto de la reunión.", "", "---", ""]
      : ["## 09:00 Reunión", "- [status:: Processed] [area:: DevOps] [date:: 2025-07-30T09:00] [attachment:: [[other.ogg]]]", "", "Texto de la reunión."]),
    ...trailing,
    "",
  ].join("\n"),
);


function findingsFor(found: { kind: "audio" | "image"; transcript: string; keyPoints: string[]; segmentText: string; description: string; ocrLines: string[] }): ProcessorFindings {
  return found.kind === "audio"
    ? { kind: "audio", audio: { transcript: found.transcript, keyPoints: found.keyPoints, segments: [{ start: 0, end: 2, text: found.segmentText }] } }
    : { kind: "image", image: { description: found.description, ocrLines: found.ocrLines } };
}

test("arbitrary engine output and file names: one new entry, for that file; other entries and every user line kept", () => {
  fc.assert(
    fc.property(noteArb, findingsArb, fileName, fc.constantFrom("es", "en"), (note, found, name, _language) => {
      const path = `Attachments/Recording ${name}.${found.kind === "audio" ? "ogg" : "jpg"}`;
      const job: JobRecord = { id: "j", path, kind: found.kind, state: "running", attempts: 1, enqueuedAt: 0, entryDate: "2025-07-30T10:15" };
      const before = parseLogNote(note).entries;
      // The placeholder first (with an error message from an engine), then the processed entry over it.
      const pending = upsertEntry(note, statusEntry(job, "Error", null, context, found.transcript), es);
      const written = upsertEntry(pending, processedEntry(job, findingsFor(found), context), es);
      for (const text of [pending, written]) {
        const after = parseLogNote(text).entries;
        expect(after).toHaveLength(before.length + 1);
        expect(after.filter((entry) => entry.attachments.includes(path))).toHaveLength(1);
        const other = after.find((entry) => entry.attachments.includes("other.ogg"));
        expect(other?.attachments).toEqual(["other.ogg"]);
        expect(keepsInOrder(note, text)).toBe(true);
      }
    }),
    { numRuns: 300 },
  );
});

test.each([
  ["%% bitacora 12345678 %%", "\\%\\% bitacora 12345678 \\%\\%"],
  ["fin\n## 11:30 x\n- [attachment:: [[other.ogg]]]", "fin ## 11:30 x - [attachment\\:\\: \\[\\[other.ogg\\]\\]]"],
  ["línea\r\nsiguiente\u2028otra", "línea siguiente otra"],
])("neutraliseEngineText(%j)", (raw, expected) => {
  expect(neutraliseEngineText(raw)).toBe(expected);
});

test("a link to any file name is one line and leads back to that exact file", () => {
  fc.assert(
    fc.property(fileName, (name) => {
      const path = `Attachments/${name}.ogg`;
      const link = attachmentLink(path, true);
      expect(link).not.toMatch(/[\r\n\u2028\u2029]/);
      expect(parseAttachmentLink(link)).toBe(path);
    }),
    { numRuns: 300 },
  );
});
