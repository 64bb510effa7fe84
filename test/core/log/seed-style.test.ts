import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LogEntry } from "../../../src/core/log/entry";
import { labelsFor } from "../../../src/core/log/labels";
import { formatLogDocument, parseLogNote } from "../../../src/core/log/parse-log-note";
import { renameAttachmentInNote } from "../../../src/core/log/rename-attachment";
import { findEntry, upsertEntry } from "../../../src/core/log/upsert-entry";
import type { BlockText } from "../../../src/core/log/block-text";
import { shortHash } from "../../../src/core/log/short-hash";
import { parseEndMarker } from "../../../src/core/log/structure";
import { keepsInOrder } from "../../support/keeps-in-order";

const es = labelsFor("es");
const SEEDS = path.join(__dirname, "../../../../shared/seeds");
const seed000 = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((name) => name.startsWith("000_"))!), "utf8");

function photo(overrides: Partial<LogEntry> = {}): LogEntry {
  return {
    attachment: "Attachments/Screenshot 2025-07-30 at 16.00.00.png",
    kind: "image",
    date: "2025-07-30T16:00",
    title: "captura del tablero de despliegue",
    status: "Processed",
    area: "DevOps",
    fields: {},
    topics: ["deployment_automation"],
    findings: { kind: "image", image: { description: "Tablero de Kubernetes con pods en estado Running." } },
    ...overrides,
  };
}

function recording(overrides: Partial<LogEntry> = {}): LogEntry {
  return {
    attachment: "Attachments/Recording 20250730160300.webm",
    kind: "audio",
    date: "2025-07-30T16:03",
    title: "comentario del despliegue",
    status: "Processed",
    area: "DevOps",
    fields: { emotion: "calma" },
    topics: ["whisper_ai"],
    findings: { kind: "audio", audio: { transcript: "El despliegue terminó sin errores." } },
    ...overrides,
  };
}


describe("seed 000 is read as the user wrote it", () => {
  const doc = parseLogNote(seed000);

  test("exactly its five entries, with the seed's values", () => {
    expect(doc.head).toBe("# Log - Día de Optimización y Despliegue\n\n");
    expect(doc.entries.map((p) => [p.style, p.header.heading.time, p.entry.title, p.entry.status, p.entry.area, p.entry.date])).toEqual([
      ["seed", "08:45", "revisión de optimizaciones de modelo", "Processed", "Technical", "2025-07-30T08:45"],
      ["seed", "11:20", "sesión de grabación de datos adicionales", "In Progress", "Data Collection", "2025-07-30T11:20"],
      ["seed", "15:30", "deploy del sistema en ambiente de staging", "Processed", "DevOps", "2025-07-30T15:30"],
      ["seed", "17:45", "reunión de retrospectiva del sprint", "Not Processed", "Team Management", "2025-07-30T17:45"],
      ["seed", "20:15", "pruebas de stress del sistema", "In Progress", "Quality Assurance", "2025-07-30T20:15"],
    ]);
    expect(doc.entries.map((p) => p.attachments)).toEqual([
      ["optimization_results.jpg"],
      ["data_collection_session.wav", "recording_booth_setup.jpg"],
      ["deployment_dashboard.jpg", "deployment_discussion.wav"],
      ["sprint_retrospective.wav", "team_retrospective.jpg"],
      ["stress_testing_results.wav", "stress_test_monitoring.jpg"],
    ]);
    expect(doc.entries.map((p) => p.entry.topics)).toEqual([
      ["performance_optimization"],
      ["audio_samples_analysis"],
      ["deployment_automation"],
      ["agile_methodology"],
      ["sistema_qa_testing"],
    ]);
    expect(doc.entries.every((p) => p.blocks.length === 0 && Object.keys(p.entry.fields).length === 0)).toBe(true);
  });

  test("and formats back byte for byte", () => {
    expect(formatLogDocument(doc)).toBe(seed000);
    const crlf = seed000.replace(/\n/g, "\r\n");
    expect(formatLogDocument(parseLogNote(crlf))).toBe(crlf);
    expect(parseLogNote(crlf).entries).toHaveLength(5);
  });
});

describe("writing into a seed-style note", () => {
  test("a screenshot taken at 16:00 lands between the 15:30 and 17:45 entries, in the note's style", () => {
    const text = upsertEntry(seed000, photo(), es, { style: "list", groupWindowMinutes: 10 });
    const doc = parseLogNote(text);
    expect(doc.entries.map((p) => p.header.heading.time)).toEqual(["08:45", "11:20", "15:30", "16:00", "17:45", "20:15"]);
    const added = doc.entries[3];
    expect(added.style).toBe("seed");
    expect(added.raw).toMatch(
      /^16:00 captura del tablero de despliegue\nstatus:: Processed\narea:: DevOps\ndate:: 2025-07-30 16:00\n\n\*\*Foto: Screenshot 2025-07-30 at 16\.00\.00\.png\*\*\n!\[\[Attachments\/Screenshot 2025-07-30 at 16\.00\.00\.png\]\]\n\*Descripción de la imagen: Tablero de Kubernetes con pods en estado Running\.\*\n%% bitacora [0-9a-f]{8} 16:00 h=[0-9a-f]{8}\.[0-9a-f]{8} %%\n\n\[\[deployment_automation\]\]\n\n---\n\n$/,
    );
    expect(keepsInOrder(seed000, text)).toBe(true);
    expect(text.slice(0, text.indexOf("16:00 captura"))).toBe(seed000.slice(0, seed000.indexOf("17:45 reunión")));
  });

  test("appended after the last entry, a `---` separates it as in the seed", () => {
    const text = upsertEntry(seed000, photo({ date: "2025-07-30T21:00" }), es);
    expect(text.startsWith(seed000)).toBe(true);
    expect(text.slice(seed000.length)).toMatch(/^\n\n---\n\n21:00 captura del tablero de despliegue\nstatus:: Processed\n/);
  });

  test("a new note takes the entry style setting: seed lines by default", () => {
    const text = upsertEntry("# Log - 2025-07-30\n", photo(), es);
    expect(text).toMatch(/^# Log - 2025-07-30\n\n16:00 captura del tablero de despliegue\nstatus:: Processed\narea:: DevOps\ndate:: 2025-07-30 16:00\n\n\*\*Foto: /);
    expect(upsertEntry("# Log - 2025-07-30\n", photo(), es, { style: "list" })).toContain("## 16:00 captura del tablero de despliegue\n- [status:: Processed]");
  });
});

describe("one entry per moment", () => {
  const window = { groupWindowMinutes: 10 };

  test("a photo and a recording taken 3 minutes apart make one entry with two blocks, in capture order", () => {
    // The recording is processed first; the photo was taken before it.
    let text = upsertEntry("# Log - 2025-07-30\n", recording(), es, window);
    text = upsertEntry(text, photo(), es, window);
    const [moment, ...others] = parseLogNote(text).entries;
    expect(others).toHaveLength(0);
    expect(moment.blocks.map((b) => b.attachment)).toEqual([photo().attachment, recording().attachment]);
    expect(moment.entry.date).toBe("2025-07-30T16:00");
    expect(moment.header.heading.time).toBe("16:00");
    expect(moment.entry.title).toBe("comentario del despliegue");
    expect(moment.entry.topics).toEqual(["whisper_ai", "deployment_automation"]);
    expect(moment.entry.fields).toEqual({ emotion: "calma" });
    expect(moment.raw).toContain("*Contenido del audio: \"El despliegue terminó sin errores.\"*");
    expect(moment.raw).toContain("*Descripción de la imagen: Tablero de Kubernetes");
  });

  test("re-processing one attachment rewrites only its own block", () => {
    let text = upsertEntry("", photo(), es, window);
    text = upsertEntry(text, recording(), es, window);
    const before = parseLogNote(text).entries[0];
    const photoBlock = before.lines.slice(before.blocks[0].start, before.blocks[0].end).join("");
    const again = upsertEntry(text, recording({ findings: { kind: "audio", audio: { transcript: "Segunda pasada." } } }), es, window);
    const after = parseLogNote(again).entries[0];
    expect(after.lines.slice(after.blocks[0].start, after.blocks[0].end).join("")).toBe(photoBlock);
    expect(after.raw).toContain('"Segunda pasada."');
    expect(after.raw).not.toContain("sin errores");
  });

  test("attachments further apart than the window, or with grouping off, get entries of their own", () => {
    let apart = upsertEntry("", photo(), es, window);
    apart = upsertEntry(apart, recording({ date: "2025-07-30T16:11" }), es, window);
    expect(parseLogNote(apart).entries).toHaveLength(2);
    let off = upsertEntry("", photo(), es, { groupWindowMinutes: 0 });
    off = upsertEntry(off, recording(), es, { groupWindowMinutes: 0 });
    expect(parseLogNote(off).entries).toHaveLength(2);
  });

  test("a moment grows by steps: each attachment within the window of one already in it", () => {
    let text = upsertEntry("", photo(), es, window);
    text = upsertEntry(text, recording({ date: "2025-07-30T16:08" }), es, window);
    text = upsertEntry(text, photo({ attachment: "b.jpg", date: "2025-07-30T16:16" }), es, window);
    expect(parseLogNote(text).entries.map((p) => p.blocks.length)).toEqual([3]);
  });

  test("the status is the least finished of the moment's blocks; each block keeps its own", () => {
    let text = upsertEntry("", photo(), es, window);
    text = upsertEntry(text, recording({ status: "In Progress", findings: undefined }), es, window);
    expect(parseLogNote(text).entries[0].entry.status).toBe("In Progress");
    expect(findEntry(text, [photo().attachment])?.entry.status).toBe("Processed");
    text = upsertEntry(text, recording(), es, window);
    expect(parseLogNote(text).entries[0].entry.status).toBe("Processed");
  });
});

describe("hand-written entries that name the attachment are filled in", () => {
  test("a recording named in a hand-written seed entry fills that entry instead of making a second one", () => {
    const transcript = recording({
      attachment: "Attachments/sprint_retrospective.wav",
      date: "2025-07-30T18:02",
      title: "otra cosa",
      area: "Technical",
      findings: { kind: "audio", audio: { transcript: "Creo que hemos hecho un trabajo excelente." } },
    });
    const text = upsertEntry(seed000, transcript, es, { groupWindowMinutes: 10 });
    const doc = parseLogNote(text);
    expect(doc.entries).toHaveLength(5);
    const filled = doc.entries[3];
    expect(filled.entry.title).toBe("reunión de retrospectiva del sprint");
    expect(filled.entry.area).toBe("Team Management");
    expect(filled.entry.date).toBe("2025-07-30T17:45");
    expect(filled.entry.status).toBe("Processed");
    expect(filled.raw).toContain('**Audio grabado: sprint_retrospective.wav**\n![[Attachments/sprint_retrospective.wav]]\n*Contenido del audio: "Creo que hemos hecho un trabajo excelente."*\n%% bitacora');
    expect(filled.entry.topics).toEqual(["agile_methodology", "whisper_ai"]);
    // Only the status changed and the heading became the block's; every other line the user wrote is there.
    const userLines = seed000.replace("**Audio grabado: sprint_retrospective.wav**\n", "").replace("status:: Not Processed", "status:: Processed");
    expect(keepsInOrder(userLines, text)).toBe(true);
    // Processing it again rewrites the filled block, still in the same entry.
    const again = upsertEntry(text, { ...transcript, findings: { kind: "audio", audio: { transcript: "Otra vez." } } }, es, { groupWindowMinutes: 10 });
    expect(parseLogNote(again).entries).toHaveLength(5);
    expect(again).toContain('"Otra vez."');
  });

  test("an embed or a link naming the attachment also counts", () => {
    const note = "# Log\n\n09:00 pizarra\nstatus:: Not Processed\narea:: Technical\ndate:: 2025-07-30 09:00\n\nFoto de la pizarra: [[pizarra.jpg]] tras la reunión.\n";
    const text = upsertEntry(note, photo({ attachment: "Adjuntos/pizarra.jpg", date: "2025-07-30T09:01" }), es);
    const doc = parseLogNote(text);
    expect(doc.entries).toHaveLength(1);
    expect(doc.entries[0].raw).toContain("Foto de la pizarra: [[pizarra.jpg]] tras la reunión.\n\n**Foto: pizarra.jpg**\n![[Adjuntos/pizarra.jpg]]\n");
    const embed = note.replace("Foto de la pizarra: [[pizarra.jpg]] tras la reunión.", "![[pizarra.jpg]]");
    const filled = upsertEntry(embed, photo({ attachment: "pizarra.jpg" }), es);
    expect(filled).toContain("\n\n**Foto: pizarra.jpg**\n![[pizarra.jpg]]\n*Descripción de la imagen:");
    expect(filled.match(/!\[\[pizarra\.jpg\]\]/g)).toHaveLength(1);
  });
});

describe("the moment's title and area", () => {
  const window = { groupWindowMinutes: 10 };

  test("the first processed attachment names the moment; a title the user changed is never overwritten", () => {
    let text = upsertEntry("", photo(), es, { ...window, generated: undefined });
    // The recording arrives: its placeholder joins the moment, then it is processed.
    const placeholder = recording({ status: "Not Processed", title: "captura del tablero de despliegue", findings: undefined });
    text = upsertEntry(text, placeholder, es, { ...window, generated: { title: placeholder.title, area: "DevOps", fieldKeys: [] } });
    text = upsertEntry(text, recording(), es, { ...window, generated: { title: placeholder.title, area: "DevOps", fieldKeys: [] } });
    expect(parseLogNote(text).entries[0].entry.title).toBe("captura del tablero de despliegue");
    // The user renames the moment; processing the recording again keeps their title.
    const renamed = text.replace("16:00 captura del tablero de despliegue", "16:00 Mi despliegue");
    const again = upsertEntry(renamed, recording(), es, { ...window, generated: { title: "Mi despliegue", area: "DevOps", fieldKeys: [] } });
    expect(parseLogNote(again).entries[0].entry.title).toBe("Mi despliegue");
  });

  test("with the moment's combined values a generated title follows them, an area the user edited stays: the end marker holds their hashes", () => {
    let text = upsertEntry("", photo(), es, window);
    expect(parseLogNote(text).entries[0].blocks[0].stamp).toEqual({ title: shortHash("captura del tablero de despliegue"), area: shortHash("DevOps") });
    const seen: BlockText[][] = [];
    const combine = (title: string) => (others: BlockText[]) => {
      seen.push(others);
      return { title, area: "Technical", fields: { latency_ms: "180" }, topics: ["kubernetes"] };
    };
    const edited = text.replace("area:: DevOps", "area:: Mi área");
    text = upsertEntry(edited, recording(), es, { ...window, combine: combine("despliegue comentado") });
    // The combiner saw the photo's block as written in the note.
    expect(seen[0]).toEqual([{ attachment: photo().attachment, kind: "image", description: expect.stringContaining("Tablero de Kubernetes") }]);
    let moment = parseLogNote(text).entries[0];
    expect(moment.entry.title).toBe("despliegue comentado");
    expect(moment.entry.area).toBe("Mi área");
    expect(moment.entry.fields.latency_ms).toBe("180");
    expect(moment.entry.topics).toContain("kubernetes");
    expect(moment.blocks[1].stamp).toEqual({ title: shortHash("despliegue comentado"), area: undefined });
    // The next write still knows the title as its own, and the area as the user's.
    text = upsertEntry(text, recording(), es, { ...window, combine: combine("otro título") });
    moment = parseLogNote(text).entries[0];
    expect([moment.entry.title, moment.entry.area]).toEqual(["otro título", "Mi área"]);
    // Once the user types over the title, no write changes it.
    text = upsertEntry(text.replace("16:00 otro título", "16:00 Mío"), photo(), es, { ...window, combine: combine("tercero") });
    expect(parseLogNote(text).entries[0].entry.title).toBe("Mío");
  });

  test("a marker without hashes (notes written before them) still parses, and a rename keeps the hashes", () => {
    expect(parseEndMarker("%% bitacora 1a2b3c4d 15:38 %%")).toEqual({ hash: "1a2b3c4d", time: "15:38", stamp: undefined });
    expect(parseEndMarker("%% bitacora 1a2b3c4d 15:38 h=-.0a0b0c0d %%")).toEqual({ hash: "1a2b3c4d", time: "15:38", stamp: { title: undefined, area: "0a0b0c0d" } });
    const text = upsertEntry("", photo(), es, window);
    const renamed = renameAttachmentInNote(text, photo().attachment, "Attachments/otra.png");
    expect(parseLogNote(renamed).entries[0].blocks[0].stamp).toEqual(parseLogNote(text).entries[0].blocks[0].stamp);
    expect(parseLogNote(renamed).entries[0].blocks[0].edited).toBe(false);
  });

  test("a placeholder title gives way to the first attachment processed, whichever it is", () => {
    const waiting = photo({ status: "Not Processed", title: "foto Screenshot 2025-07-30 at 16.00.00", findings: undefined });
    let text = upsertEntry("", waiting, es, window);
    text = upsertEntry(text, recording(), es, window);
    expect(parseLogNote(text).entries[0].entry.title).toBe("comentario del despliegue");
  });
});

describe("renaming an attachment", () => {
  test("its block follows the new name and still counts as unedited, also after Obsidian updated the embed itself", () => {
    let text = upsertEntry("", photo(), es, { groupWindowMinutes: 10 });
    text = upsertEntry(text, recording(), es, { groupWindowMinutes: 10 });
    const oldPath = photo().attachment;
    const newPath = "Attachments/tablero.png";
    for (const before of [text, text.split(`![[${oldPath}]]`).join(`![[${newPath}]]`)]) {
      const renamed = renameAttachmentInNote(before, oldPath, newPath);
      const [moment] = parseLogNote(renamed).entries;
      expect(moment.blocks.map((b) => [b.attachment, b.edited])).toEqual([[newPath, false], [recording().attachment, false]]);
      expect(renamed).toContain("**Foto: tablero.png**\n![[Attachments/tablero.png]]\n");
    }
  });
});

describe("edit protection in seed style", () => {
  test("a block the user edited is kept word for word after its attachment is processed again; the other block is untouched", () => {
    let text = upsertEntry("", photo(), es, { groupWindowMinutes: 10 });
    text = upsertEntry(text, recording(), es, { groupWindowMinutes: 10 });
    const edited = text.replace("*Descripción de la imagen: Tablero de Kubernetes con pods en estado Running.*", "*Descripción de la imagen: Tablero de Kubernetes con pods en estado Running.*\nEl pod de whisper-api reinició dos veces.");
    expect(parseLogNote(edited).entries[0].blocks.map((b) => b.edited)).toEqual([true, false]);
    const again = upsertEntry(edited, photo({ findings: { kind: "image", image: { description: "Tablero con 6 pods." } } }), es, { groupWindowMinutes: 10 });
    expect(again).toContain("> El pod de whisper-api reinició dos veces.");
    expect(again).toContain("*Descripción de la imagen: Tablero con 6 pods.*");
    expect(parseLogNote(again).entries[0].blocks.map((b) => b.edited)).toEqual([false, false]);
  });

  test("a CRLF note gets CRLF lines", () => {
    const crlf = seed000.replace(/\n/g, "\r\n");
    const text = upsertEntry(crlf, photo(), es);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(parseLogNote(text).entries.map((p) => p.header.heading.time)).toEqual(["08:45", "11:20", "15:30", "16:00", "17:45", "20:15"]);
  });
});
