/**
 * Files that change while their job runs, with no vault event to say so (a CLI run without
 * --watch): the job looks at the file again once the engine is done. The gated stand-in engine
 * holds each job "in progress" on purpose; the vault, state file and hashes are real.
 */
import { appendFileSync, chmodSync, mkdirSync, readFileSync, renameSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { DELETED_MID_JOB_REASON } from "../../src/core/queue/queue-step";
import { ManualClock } from "../support/manual-clock";
import { addFile, GatedEngine, makeService, readNote, SHARED, tempVault } from "../support/service-harness";

const NOTE = "Logs/2025-07-30.md";
const PHOTO = path.join(SHARED, "photos_coco/000000000802.jpg");
const entriesOf = (text: string) => parseLogNote(text).entries.map((p) => p.entry);

/** A started service over a fresh vault, with the gated engine that holds each job until released. */
async function gatedService(extra: Omit<Parameters<typeof makeService>[1], "engine"> = {}) {
  const vault = tempVault();
  const engine = new GatedEngine();
  const made = makeService(vault, { engine, ...extra });
  await made.service.start();
  return { vault, ...made, engine };
}

test("a file that grows while the engine works on it is processed again when it settles: one entry, from the whole file", async () => {
  const { vault, engine, service, dispose } = await gatedService();
  const name = "A/2025-07-30 08.00.00 a.jpg";
  const full = readFileSync(PHOTO);
  mkdirSync(vault.absolutePath("A"));
  writeFileSync(vault.absolutePath(name), full.subarray(0, 4000));
  await service.enqueue(name);
  await engine.waitForCall(1);
  // The recorder paused longer than the stability wait, then wrote the rest.
  appendFileSync(vault.absolutePath(name), full.subarray(4000));
  engine.release(0, { kind: "image", image: { description: "La primera mitad." } });
  await engine.waitForCall(2);
  engine.release(1, { kind: "image", image: { description: "La foto entera." } });
  await service.idle();
  dispose();
  const note = readNote(vault, NOTE);
  expect(entriesOf(note).map((e) => `${e.attachment}:${e.status}`)).toEqual([`${name}:Processed`]);
  expect(note).toContain("La foto entera.");
  expect(note).not.toContain("La primera mitad.");
  expect(engine.calls).toEqual([name, name]);
});

test("a file deleted while the engine works on it gets no Processed entry pointing at it: its entry says it was deleted", async () => {
  const { vault, engine, service, dispose } = await gatedService();
  const name = "A/2025-07-30 08.00.00 a.jpg";
  addFile(vault, name, PHOTO);
  await service.enqueue(name);
  await engine.waitForCall(1);
  unlinkSync(vault.absolutePath(name));
  engine.release(0, { kind: "image", image: { description: "Una foto." } });
  await service.idle();
  dispose();
  const [entry] = entriesOf(readNote(vault, NOTE));
  expect(entry.status).toBe("Error");
  expect(entry.error).toBe(DELETED_MID_JOB_REASON);
  expect(readNote(vault, NOTE)).not.toContain("Una foto.");
  expect(service.snapshot().jobs.map((j) => j.state)).toEqual(["cancelled"]);
});

test("a file renamed while the engine works on it (no rename event) is found by its content: the entry links the new name", async () => {
  const { vault, engine, service, dispose } = await gatedService();
  const name = "A/2025-07-30 08.00.00 a.jpg";
  const renamed = "B/2025-07-30 08.00.00 renombrada.jpg";
  addFile(vault, name, PHOTO);
  addFile(vault, "A/2025-07-30 08.00.00 other.jpg", path.join(SHARED, "photos_coco/000000011813.jpg"));
  await service.enqueue(name);
  await engine.waitForCall(1);
  mkdirSync(vault.absolutePath("B"));
  renameSync(vault.absolutePath(name), vault.absolutePath(renamed));
  engine.release(0, { kind: "image", image: { description: "Una foto." } });
  await service.idle();
  dispose();
  const note = readNote(vault, NOTE);
  expect(entriesOf(note).map((e) => `${e.attachment}:${e.status}`)).toEqual([`${renamed}:Processed`]);
  expect(note).not.toContain("08.00.00 a.jpg");
  expect(engine.calls).toEqual([name]);
});

test("a copy of a processed file whose placeholder the user wrote under becomes an entry of its own; their text stays", async () => {
  const clock = new ManualClock({ autoAdvance: true });
  const { vault, engine, service, dispose } = await gatedService({ clock, settings: { groupWindowMinutes: 0 } });
  const original = "A/2025-07-30 08.00.00 a.jpg";
  const copy = "A/2025-07-30 11.00.00 copia.jpg";
  addFile(vault, original, PHOTO);
  await service.enqueue(original);
  await engine.waitForCall(1);
  engine.release(0, { kind: "image", image: { description: "La original." } });
  await service.idle();
  // The copy's placeholder is written; the stability wait holds until the test lets time move.
  clock.autoAdvance = false;
  addFile(vault, copy, PHOTO);
  await service.enqueue(copy);
  const file = vault.absolutePath(NOTE);
  const withPlaceholder = readFileSync(file, "utf8");
  expect(withPlaceholder).toContain("copia.jpg");
  writeFileSync(file, `${withPlaceholder.trimEnd()}\nLo que escribí sobre la copia.\n`);
  clock.autoAdvance = true;
  await clock.tick();
  await engine.waitForCall(2);
  engine.release(1, { kind: "image", image: { description: "La copia." } });
  await service.idle();
  dispose();
  const note = readNote(vault, NOTE);
  expect(entriesOf(note).map((e) => `${e.attachment}:${e.status}`)).toEqual([`${original}:Processed`, `${copy}:Processed`]);
  expect(note).toContain("Lo que escribí sobre la copia.");
  // The ledger still names the original: the copy is its own entry, not the content's new home.
  expect(await service.enqueue(original)).toBe("already-processed");
});

test("a copy nobody wrote under leaves no entry behind (unchanged: not processed twice)", async () => {
  const { vault, engine, service, dispose } = await gatedService();
  addFile(vault, "A/2025-07-30 08.00.00 a.jpg", PHOTO);
  await service.enqueue("A/2025-07-30 08.00.00 a.jpg");
  await engine.waitForCall(1);
  engine.release(0);
  await service.idle();
  addFile(vault, "A/2025-07-30 11.00.00 copia.jpg", PHOTO);
  await service.enqueue("A/2025-07-30 11.00.00 copia.jpg");
  await service.idle();
  dispose();
  expect(entriesOf(readNote(vault, NOTE)).map((e) => e.attachment)).toEqual(["A/2025-07-30 08.00.00 a.jpg"]);
  expect(engine.calls).toHaveLength(1);
});

test("a read-only log note: the placeholder cannot be written, so the job fails at once with the reason and a notice; the note is untouched", async () => {
  const { vault, engine, service, dispose, notices } = await gatedService();
  mkdirSync(vault.absolutePath("Logs"));
  const mine = "# Log - 2025-07-30\n\nLo mío.\n";
  writeFileSync(vault.absolutePath(NOTE), mine);
  chmodSync(vault.absolutePath(NOTE), 0o444);
  addFile(vault, "A/2025-07-30 08.00.00 a.jpg", PHOTO);
  await service.enqueue("A/2025-07-30 08.00.00 a.jpg");
  await service.idle();
  dispose();
  const [job] = service.snapshot().jobs;
  expect(job.state).toBe("failed");
  expect(job.error).toMatch(/read-only/);
  expect(job.error).not.toMatch(/\n\s+at /);
  expect(notices).toEqual([expect.stringMatching(/^Bitácora: .*read-only/)]);
  expect(engine.calls).toEqual([]);
  expect(readFileSync(vault.absolutePath(NOTE), "utf8")).toBe(mine);
});

describe("a file replaced after it was processed (the user re-recorded it) is processed again into the same entry", () => {
  test.each([
    ["told by the watcher", (service: { fileModified(p: string): Promise<void> }, p: string) => service.fileModified(p)],
    ["found by the next run", (service: { processAllUnprocessed(): Promise<number> }) => service.processAllUnprocessed().then(() => undefined)],
  ] as const)("%s", async (_how, notice) => {
    const { vault, engine, service, dispose } = await gatedService();
    const name = "A/2025-07-30 08.00.00 a.jpg";
    addFile(vault, name, PHOTO);
    await service.enqueue(name);
    await engine.waitForCall(1);
    engine.release(0, { kind: "image", image: { description: "La primera toma." } });
    await service.idle();
    const file = vault.absolutePath(NOTE);
    writeFileSync(file, `${readFileSync(file, "utf8").trimEnd()}\nMi comentario.\n`);
    // Touched but the same bytes: nothing to do.
    utimesSync(vault.absolutePath(name), new Date(), new Date("2025-07-30T09:00:00"));
    await notice(service as never, name);
    await service.idle();
    expect(engine.calls).toHaveLength(1);
    addFile(vault, name, path.join(SHARED, "photos_coco/000000011813.jpg"));
    await notice(service as never, name);
    await engine.waitForCall(2);
    engine.release(1, { kind: "image", image: { description: "La segunda toma." } });
    await service.idle();
    dispose();
    const note = readNote(vault, NOTE);
    expect(entriesOf(note).map((e) => `${e.attachment}:${e.status}`)).toEqual([`${name}:Processed`]);
    expect(note).toContain("La segunda toma.");
    expect(note).not.toContain("La primera toma.");
    expect(note).toContain("Mi comentario.");
    expect(await service.enqueue(name)).toBe("already-processed");
  });
});
