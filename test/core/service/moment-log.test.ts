/**
 * One entry per moment, through the queue: a photo with a figure on screen and a recording taken
 * three minutes later share an entry whose title, area, topic links, emotion and metrics come from
 * both. The engine is the gated stand-in (no model weights here); enrichment, the writer and the
 * note on disk are the real ones.
 */
import path from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { parseLogNote } from "../../../src/core/log/parse-log-note";
import type { ProcessorFindings } from "../../../src/core/processing/processor-port";
import { addFile, GatedEngine, makeService, readNote, SHARED, tempVault } from "../../support/service-harness";

const NOTE = "Logs/2025-07-30.md";
const PHOTO = "Attachments/IMG_20250730_160000.jpg";
const WAV = "Attachments/Recording 20250730160300.ogg";
const WAV_SOURCE = path.join(SHARED, "speech_es", "fleurs-es-000.ogg");
const PHOTO_SOURCE = path.join(SHARED, "photos_coco/000000000802.jpg");

const photoFindings = (accuracy: string): ProcessorFindings => ({
  kind: "image",
  image: { description: "Gráfica de precisión del modelo tras el entrenamiento", ocrLines: [`Accuracy: ${accuracy}%`] },
});
const recordingFindings: ProcessorFindings = {
  kind: "audio",
  audio: { transcript: "El despliegue a producción terminó bien: los pods de kubernetes siguen en verde y no hizo falta un rollback." },
  emotion: { label: "alegría", confidence: 0.9, source: "voice+text" },
};

async function momentOfTwo(options: { editTitle?: string } = {}) {
  const vault = tempVault();
  const engine = new GatedEngine();
  const { service, dispose } = makeService(vault, { engine, deps: { topics: async () => [{ name: "kubernetes", aliases: [] }] } });
  await service.start();
  addFile(vault, PHOTO, PHOTO_SOURCE);
  expect(await service.enqueue(PHOTO)).toBe("queued");
  await engine.waitForCall(1);
  engine.release(0, photoFindings("89.4"));
  await service.idle();
  const photoOnly = parseLogNote(readNote(vault, NOTE)).entries[0].entry;
  if (options.editTitle) {
    const text = readNote(vault, NOTE);
    writeFileSync(vault.absolutePath(NOTE), text.replace(`16:00 ${photoOnly.title}\n`, `16:00 ${options.editTitle}\n`));
  }
  addFile(vault, WAV, WAV_SOURCE);
  expect(await service.enqueue(WAV)).toBe("queued");
  await engine.waitForCall(2);
  engine.release(1, recordingFindings);
  await service.idle();
  return { vault, engine, service, dispose, photoOnly };
}

test("a photo with a figure on screen and a recording 3 minutes later: one entry named and filed by both", async () => {
  const { vault, dispose, photoOnly } = await momentOfTwo();
  dispose();
  const entries = parseLogNote(readNote(vault, NOTE)).entries;
  expect(entries).toHaveLength(1);
  const moment = entries[0];
  expect(moment.blocks.map((b) => b.attachment)).toEqual([PHOTO, WAV]);
  // The photo alone made a model-accuracy entry; the recording's words move title and area to the deployment.
  expect(photoOnly.area).toBe("Technical");
  expect(moment.entry.title).not.toBe(photoOnly.title);
  expect(moment.entry.title).toMatch(/despliegue/i);
  expect(moment.entry.area).toBe("DevOps");
  // The photo's figure, the recording's emotion and topic, on the one entry.
  expect(moment.entry.fields.accuracy_pct).toBe("89.4");
  expect(moment.entry.fields.emotion).toBe("alegría");
  expect(moment.entry.topics).toContain("kubernetes");
});

test("a title the user edited is kept when a second block arrives; the area still follows both", async () => {
  const { vault, dispose } = await momentOfTwo({ editTitle: "Mi revisión del modelo" });
  dispose();
  const moment = parseLogNote(readNote(vault, NOTE)).entries[0];
  expect(moment.blocks).toHaveLength(2);
  expect(moment.entry.title).toBe("Mi revisión del modelo");
  expect(moment.entry.area).toBe("DevOps");
});

test("re-processing the photo recomputes from both blocks: its new figure, the recording's title", async () => {
  const { vault, engine, service, dispose } = await momentOfTwo();
  const before = parseLogNote(readNote(vault, NOTE)).entries[0];
  const recordingBlock = before.lines.slice(before.blocks[1].start, before.blocks[1].end).join("");
  expect(await service.enqueue(PHOTO, { force: true })).toBe("queued");
  await engine.waitForCall(3);
  engine.release(2, photoFindings("91.2"));
  await service.idle();
  dispose();
  const moment = parseLogNote(readNote(vault, NOTE)).entries[0];
  // The title still comes from the recording's words, read back from its block in the note.
  expect(moment.entry.title).toBe(before.entry.title);
  expect(moment.entry.area).toBe("DevOps");
  expect(moment.entry.fields.accuracy_pct).toBe("91.2");
  expect(moment.entry.fields.emotion).toBe("alegría");
  // Only the photo's block was rewritten.
  expect(moment.lines.slice(moment.blocks[1].start, moment.blocks[1].end).join("")).toBe(recordingBlock);
  expect(readFileSync(vault.absolutePath(NOTE), "utf8")).toContain("Accuracy: 91.2%");
});

test("a neutral photo added after a frustrated voice note keeps the moment's emotion, from the combined words", async () => {
  const vault = tempVault();
  const engine = new GatedEngine();
  const { service, dispose } = makeService(vault, { engine });
  await service.start();
  addFile(vault, WAV, WAV_SOURCE);
  expect(await service.enqueue(WAV)).toBe("queued");
  await engine.waitForCall(1);
  engine.release(0, {
    kind: "audio",
    audio: { transcript: "Estoy muy frustrado, el despliegue falló otra vez y perdimos toda la tarde." },
    emotion: { label: "neutral", confidence: 0.5, source: "voice" },
  });
  await service.idle();
  addFile(vault, "Attachments/IMG_20250730_160500.jpg", PHOTO_SOURCE);
  expect(await service.enqueue("Attachments/IMG_20250730_160500.jpg")).toBe("queued");
  await engine.waitForCall(2);
  engine.release(1, { ...photoFindings("89.4"), emotion: { label: "neutral", confidence: 0.9, source: "text" } });
  await service.idle();
  dispose();
  const entries = parseLogNote(readNote(vault, NOTE)).entries;
  expect(entries).toHaveLength(1);
  expect(entries[0].blocks).toHaveLength(2);
  expect(entries[0].entry.fields.emotion).toBe("frustración");
});
