/**
 * The queue meets a log the user keeps by hand in seed 000's style: a file the log already
 * records as Processed is left alone, a file named in a Not Processed entry fills that entry,
 * and a new photo lands between the user's entries. The engine is the gated stand-in.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseLogNote } from "../../../src/core/log/parse-log-note";
import { addFile, GatedEngine, makeService, readNote, SHARED, tempVault } from "../../support/service-harness";

const NOTE = "Logs/2025-07-30.md";
const SEEDS = path.resolve(SHARED, "../seeds");
const seed000 = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((name) => name.startsWith("000_"))!), "utf8");
// Two different recordings: the same bytes twice would be a duplicate the ledger skips.
const [WAV, OTHER_WAV] = readdirSync(path.join(SHARED, "speech_es"))
  .filter((n) => /\.(wav|ogg)$/.test(n))
  .slice(0, 2)
  .map((n) => path.join(SHARED, "speech_es", n));

test("a recording named in a hand-written Not Processed entry fills that entry; a new recording lands between the user's entries", async () => {
  const vault = tempVault();
  mkdirSync(path.dirname(vault.absolutePath(NOTE)), { recursive: true });
  writeFileSync(vault.absolutePath(NOTE), seed000);
  const engine = new GatedEngine();
  const { service, dispose } = makeService(vault, { engine });
  await service.start();

  addFile(vault, "Attachments/Recording 20250730160000.wav", WAV);
  expect(await service.enqueue("Attachments/Recording 20250730160000.wav")).toBe("queued");
  await engine.waitForCall(1);
  engine.release(0, { kind: "audio", audio: { transcript: "Todo en verde." } });
  await service.idle();

  // No time in its name: the recording's own capture time takes it to the seed note's day.
  addFile(vault, "Attachments/sprint_retrospective.wav", OTHER_WAV);
  expect(await service.enqueue("Attachments/sprint_retrospective.wav")).toBe("queued");
  await engine.waitForCall(2);
  engine.release(1, { kind: "audio", capturedAt: "2025-07-30T17:46:00", audio: { transcript: "Creo que hemos hecho un trabajo excelente." } });
  await service.idle();
  dispose();

  const doc = parseLogNote(readNote(vault, NOTE));
  expect(doc.entries.map((p) => p.header.heading.time)).toEqual(["08:45", "11:20", "15:30", "16:00", "17:45", "20:15"]);
  const retro = doc.entries[4];
  expect(retro.entry.title).toBe("reunión de retrospectiva del sprint");
  expect(retro.entry.status).toBe("Processed");
  expect(retro.raw).toContain('*Contenido del audio: "Creo que hemos hecho un trabajo excelente."*');
  // The placeholder it had on the day it was seen is gone with its note.
  expect(readdirSync(vault.absolutePath("Logs"))).toEqual(["2025-07-30.md"]);
});

test("a file the hand-written log already records as Processed is not processed again", async () => {
  const vault = tempVault();
  mkdirSync(path.dirname(vault.absolutePath(NOTE)), { recursive: true });
  const engine = new GatedEngine();
  const { service, dispose } = makeService(vault, { engine });
  await service.start();
  // A hand-written entry that embeds a phone photo (its name gives its day) and says Processed.
  const note = seed000.replace("[[deployment_automation]]", "![[IMG_20250730_153200.jpg]]\n\n[[deployment_automation]]");
  writeFileSync(vault.absolutePath(NOTE), note);
  addFile(vault, "Attachments/IMG_20250730_153200.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
  expect(await service.enqueue("Attachments/IMG_20250730_153200.jpg")).toBe("already-processed");
  dispose();
  expect(engine.calls).toEqual([]);
  expect(readNote(vault, NOTE)).toBe(note);
});
