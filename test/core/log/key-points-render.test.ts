import { labelsFor } from "../../../src/core/log/labels";
import { renderBlockLines } from "../../../src/core/log/render-body";
import type { LogEntry } from "../../../src/core/log/entry";

test("a recording's key points follow its transcript as a list, like seed 000's", () => {
  const entry: LogEntry = {
    attachment: "Attachments/resultado.m4a",
    kind: "audio",
    date: "2025-10-15T09:12",
    title: "Resultado de pytest",
    status: "Processed",
    area: "Quality Assurance",
    fields: {},
    topics: [],
    findings: { kind: "audio", audio: { transcript: "47 de 47 tests pasando y la cobertura quedó en 100%.", keyPoints: ["47 de 47 tests pasando", "La cobertura quedó en 100%"] } },
  };
  const lines = renderBlockLines(entry, labelsFor("es"));
  const at = lines.indexOf("Puntos clave:");
  expect(lines[at - 2]).toBe('*Contenido del audio: "47 de 47 tests pasando y la cobertura quedó en 100%."*');
  expect(lines.slice(at + 1, at + 3)).toEqual(["- 47 de 47 tests pasando", "- La cobertura quedó en 100%"]);
});
