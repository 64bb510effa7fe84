import { END_MARKER, generatedSectionOf, replaceGeneratedSection, START_MARKER } from "../../../src/core/dashboards/markers";

const block = (body: string, eol = "\n") => `${START_MARKER}${eol}${body}${eol}${END_MARKER}`;

describe("replaceGeneratedSection", () => {
  test.each<[string, string, string, string]>([
    ["empty note gets only the section", "", "T", `${block("T")}\n`],
    ["note without markers keeps its text and gets the section appended", "# Sprint\n\nmis notas\n", "T", `# Sprint\n\nmis notas\n\n${block("T")}\n`],
    ["text before and after the markers is kept byte for byte", `antes  \n${block("viejo")}\n después ✍️\n`, "nuevo", `antes  \n${block("nuevo")}\n después ✍️\n`],
    ["multi-line sections replace multi-line sections", `a\n${block("1\n2\n3")}\nb`, "x\ny", `a\n${block("x\ny")}\nb`],
    ["trailing whitespace of the generated text is trimmed", `${block("v")}\n`, "n\n\n", `${block("n")}\n`],
    ["CRLF notes stay CRLF", `a\r\n${block("v", "\r\n")}\r\nb\r\n`, "x\ny", `a\r\n${block("x\r\ny", "\r\n")}\r\nb\r\n`],
    ["a stray start marker in user text is kept", `${START_MARKER} citado\n${block("v")}\nfin`, "n", `${START_MARKER} citado\n${block("n")}\nfin`],
    ["an unmatched start marker is not a section: nothing after it is lost", `${START_MARKER}\nmi texto`, "n", `${START_MARKER}\nmi texto\n\n${block("n")}\n`],
  ])("%s", (_name, note, generated, expected) => {
    expect(replaceGeneratedSection(note, generated)).toBe(expected);
  });

  test("is idempotent and generatedSectionOf reads the section back", () => {
    const once = replaceGeneratedSection("# D\n\nnotas\n", "tabla\nfila");
    expect(replaceGeneratedSection(once, "tabla\nfila")).toBe(once);
    expect(generatedSectionOf(once)).toBe("tabla\nfila");
    expect(generatedSectionOf("sin marcadores")).toBeUndefined();
  });
});
