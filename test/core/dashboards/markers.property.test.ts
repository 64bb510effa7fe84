import fc from "fast-check";
import { END_MARKER, generatedSectionOf, replaceGeneratedSection, START_MARKER } from "../../../src/core/dashboards/markers";

const userText = fc.string({ unit: fc.constantFrom("a", "ñ", " ", "\n", "%", "#", "|", "`", "é", "-") });

test("the user's text around the markers survives any regeneration, byte for byte", () => {
  fc.assert(
    fc.property(userText, userText, userText, userText, (before, after, oldSection, newSection) => {
      const note = `${before}${START_MARKER}\n${oldSection}\n${END_MARKER}${after}`;
      const updated = replaceGeneratedSection(note, newSection);
      expect(updated.startsWith(before + START_MARKER)).toBe(true);
      expect(updated.endsWith(END_MARKER + after)).toBe(true);
      expect(generatedSectionOf(updated)).toBe(newSection.replace(/\s+$/, ""));
    }),
  );
});

test("a note without markers keeps all its text as a prefix", () => {
  fc.assert(
    fc.property(userText, userText, (note, section) => {
      const updated = replaceGeneratedSection(note, section);
      if (note.trim() !== "") expect(updated.startsWith(note)).toBe(true);
      expect(replaceGeneratedSection(updated, section)).toBe(updated);
    }),
  );
});
