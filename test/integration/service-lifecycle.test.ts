import { writeFileSync, unlinkSync, renameSync, truncateSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { ManualClock } from "../support/manual-clock";
import { addFile, GatedEngine, readNote, SHARED, tempVault, untilFolderShows } from "../support/service-harness";
import { makeService, PHOTO_A, processPhotoA } from "../support/engine-service-harness";

const NOTE = "Logs/2025-07-30.md";
const statuses = (text: string) => parseLogNote(text).entries.map((p) => `${p.entry.attachment}:${p.entry.status}`);

describe("an attachment's way into the log (real engine host)", () => {
  test("a new attachment goes Not Processed → In Progress → Processed in its day's note", async () => {
    const vault = tempVault();
    const { service, dispose } = makeService(vault);
    await service.start();
    const seen = new Set<string>();
    service.onChange(() => {
      for (const s of statuses(readNote(vault, NOTE))) seen.add(s);
    });
    addFile(vault, "Attachments/Screenshot 2025-07-30 at 15.30.12.png", path.join(SHARED, "ocr/synthetic_es.png"));
    expect(await service.enqueue("Attachments/Screenshot 2025-07-30 at 15.30.12.png")).toBe("queued");
    await service.idle();
    dispose();
    const note = readNote(vault, NOTE);
    expect(note.startsWith("# Log - 2025-07-30\n")).toBe(true);
    expect([...seen]).toEqual(
      expect.arrayContaining([
        "Attachments/Screenshot 2025-07-30 at 15.30.12.png:Not Processed",
        "Attachments/Screenshot 2025-07-30 at 15.30.12.png:In Progress",
        "Attachments/Screenshot 2025-07-30 at 15.30.12.png:Processed",
      ]),
    );
    const [entry] = parseLogNote(note).entries;
    expect(entry.entry.date).toBe("2025-07-30T15:30");
    expect(entry.raw).toContain("Mañana iré a la montaña");
  });

  test("bad files each get an error entry with a clear reason; the good one is unaffected", async () => {
    const vault = tempVault();
    // Ten minutes apart: grouping off so that each file has an entry (and an error field) of its own.
    const { service, dispose } = makeService(vault, { settings: { groupWindowMinutes: 0 } });
    await service.start();
    const dir = (name: string) => vault.absolutePath(`Attachments/${name}`);
    addFile(vault, "Attachments/IMG_20250730_084510.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
    writeFileSync(dir("2025-07-30 09.00.00 empty.m4a"), "");
    writeFileSync(dir("2025-07-30 09.10.00 notes.mp3"), "plain text, not audio\n".repeat(100));
    const jpeg = readFileSync(path.join(SHARED, "photos_coco/000000011813.jpg"));
    writeFileSync(dir("2025-07-30 09.20.00 truncated.jpg"), jpeg.subarray(0, 300));
    for (const name of ["IMG_20250730_084510.jpg", "2025-07-30 09.00.00 empty.m4a", "2025-07-30 09.10.00 notes.mp3", "2025-07-30 09.20.00 truncated.jpg"]) {
      await service.enqueue(`Attachments/${name}`);
    }
    await service.idle();
    dispose();
    const entries = parseLogNote(readNote(vault, NOTE)).entries.map((p) => p.entry);
    const byName = (n: string) => entries.find((e) => e.attachment.includes(n))!;
    expect(byName("IMG_").status).toBe("Processed");
    expect(byName("empty").status).toBe("Error");
    expect(byName("empty").error).toMatch(/empty/i);
    expect(byName("notes.mp3").error).toMatch(/not a readable audio file/i);
    expect(byName("truncated").status).toBe("Error");
    expect(byName("truncated").error).toMatch(/image/i);
  });

  test("odd names with [[ ]] | # ^ $( ), spaces and non-ASCII are processed and linked", async () => {
    const vault = tempVault();
    const { service, dispose } = makeService(vault);
    await service.start();
    const odd = "Attachments/2025-07-30 10.00.00 [[raro]] | #1 ^x $(echo hi) ñandú.jpg";
    addFile(vault, odd, path.join(SHARED, "photos_coco/000000022192.jpg"));
    await service.enqueue(odd);
    await service.idle();
    dispose();
    const [entry] = parseLogNote(readNote(vault, NOTE)).entries;
    expect(entry.entry.attachment).toBe(odd);
    expect(entry.entry.status).toBe("Processed");
  });
});

describe("files that change under a job (gated stand-in engine holds jobs in progress)", () => {
  /** Photos a (held in progress by the gated engine) and b (queued behind it). */
  async function oneRunningOneQueued() {
    const vault = tempVault();
    const engine = new GatedEngine();
    const { service, dispose } = makeService(vault, { engine });
    await service.start();
    addFile(vault, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
    addFile(vault, "A/2025-07-30 09.00.00 b.jpg", path.join(SHARED, "photos_coco/000000011813.jpg"));
    await service.enqueue("A/2025-07-30 08.00.00 a.jpg");
    await engine.waitForCall(1);
    await service.enqueue("A/2025-07-30 09.00.00 b.jpg");
    return { vault, engine, service, dispose };
  }

  test("deleted while queued and while in progress: error entries, no crash", async () => {
    const { vault, engine, service, dispose } = await oneRunningOneQueued();
    // One is in progress, the other queued behind it (one heavy job at a time).
    unlinkSync(vault.absolutePath("A/2025-07-30 09.00.00 b.jpg"));
    service.fileDeleted("A/2025-07-30 09.00.00 b.jpg");
    unlinkSync(vault.absolutePath("A/2025-07-30 08.00.00 a.jpg"));
    service.fileDeleted("A/2025-07-30 08.00.00 a.jpg");
    await service.idle();
    dispose();
    const entries = parseLogNote(readNote(vault, NOTE)).entries.map((p) => p.entry);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry.status).toBe("Error");
      expect(entry.error).toMatch(/deleted/);
    }
    expect(engine.calls).toHaveLength(1);
  });

  test("renamed while queued and while in progress: one entry each, under the new name", async () => {
    const { vault, engine, service, dispose } = await oneRunningOneQueued();
    for (const [from, to] of [["A/2025-07-30 08.00.00 a.jpg", "A/2025-07-30 08.00.00 a2.jpg"], ["A/2025-07-30 09.00.00 b.jpg", "A/2025-07-30 09.00.00 b2.jpg"]]) {
      renameSync(vault.absolutePath(from), vault.absolutePath(to));
      service.fileRenamed(to, from);
    }
    await untilFolderShows(path.dirname(vault.absolutePath(NOTE)), () => readNote(vault, NOTE).includes("a2.jpg") && readNote(vault, NOTE).includes("b2.jpg"));
    engine.release(0);
    await engine.waitForCall(2);
    engine.release(1);
    await service.idle();
    dispose();
    const entries = parseLogNote(readNote(vault, NOTE)).entries.map((p) => p.entry);
    expect(entries.map((e) => `${e.attachment}:${e.status}`)).toEqual([
      "A/2025-07-30 08.00.00 a2.jpg:Processed",
      "A/2025-07-30 09.00.00 b2.jpg:Processed",
    ]);
    expect(engine.calls).toEqual(["A/2025-07-30 08.00.00 a.jpg", "A/2025-07-30 09.00.00 b2.jpg"]);
  });

  test("the user edits the log note while a job runs: every word they wrote survives", async () => {
    const vault = tempVault();
    const engine = new GatedEngine();
    const { service, dispose } = makeService(vault, { engine });
    await service.start();
    addFile(vault, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
    await service.enqueue("A/2025-07-30 08.00.00 a.jpg");
    await engine.waitForCall(1);
    const file = vault.absolutePath(NOTE);
    const during = readFileSync(file, "utf8")
      .replace("# Log - 2025-07-30\n", "# Log - 2025-07-30\nIntro I wrote.\n")
      .replace("*Procesando…*", "*Procesando…*\nA thought inside the entry.")
      + "\nNotes after the entry.\n";
    writeFileSync(file, during);
    engine.release(0, { kind: "image", image: { description: "Una foto." } });
    await service.idle();
    dispose();
    const note = readNote(vault, NOTE);
    for (const words of ["Intro I wrote.", "A thought inside the entry.", "Notes after the entry.", "Una foto."]) expect(note).toContain(words);
    expect(note.indexOf("Intro I wrote.")).toBeLessThan(note.indexOf("08:00 "));
    expect(parseLogNote(note).entries).toHaveLength(1);
  });

  test("a crash between two writes: after restart the job runs again and updates the same entry", async () => {
    const vault = tempVault();
    const stateFile = vault.absolutePath(".bitacora/state.json");
    const first = makeService(vault, { engine: new GatedEngine(), stateFile });
    await first.service.start();
    addFile(vault, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
    await first.service.enqueue("A/2025-07-30 08.00.00 a.jpg");
    await (first.engine as GatedEngine).waitForCall(1);
    await untilFolderShows(path.dirname(stateFile), () => readFileSync(stateFile, "utf8").includes('"running"'));
    // Crash: the process dies with the entry "In Progress" and the job "running" on disk.
    await first.service.stop();
    const second = makeService(vault, { stateFile });
    await second.service.start();
    await second.service.idle();
    second.dispose();
    expect(statuses(readNote(vault, NOTE))).toEqual(["A/2025-07-30 08.00.00 a.jpg:Processed"]);
  });
});

describe("the ledger: each content is processed once", () => {
  test("a synced or copied duplicate is not processed again and leaves no second entry", async () => {
    const vault = tempVault();
    await processPhotoA(vault);
    const { service, dispose } = makeService(vault);
    await service.start();
    addFile(vault, "B/2025-07-30 08.00.00 a copy.jpg", PHOTO_A.source);
    expect(await service.enqueue("B/2025-07-30 08.00.00 a copy.jpg")).toBe("queued");
    await service.idle();
    expect(await service.enqueue("A/2025-07-30 08.00.00 a.jpg")).toBe("already-processed");
    dispose();
    expect(statuses(readNote(vault, NOTE))).toEqual(["A/2025-07-30 08.00.00 a.jpg:Processed"]);
  });

  test("first run can mark attachments already in the vault as processed", async () => {
    const vault = tempVault();
    addFile(vault, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
    const { service, dispose } = makeService(vault, { settings: { firstRun: "mark-existing-processed" } });
    await service.start();
    expect(await service.processAllUnprocessed()).toBe(0);
    dispose();
    expect(readNote(vault, NOTE)).toBe("");
  });

  test("a file that is still growing is not processed until it stops", async () => {
    const vault = tempVault();
    const engine = new GatedEngine();
    const clock = new ManualClock();
    const { service, dispose } = makeService(vault, { engine, clock, settings: { stableForMs: 300 } });
    await service.start();
    const file = vault.absolutePath("A/2025-07-30 08.00.00 a.jpg");
    addFile(vault, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
    const full = readFileSync(file);
    truncateSync(file, 1000);
    await service.enqueue("A/2025-07-30 08.00.00 a.jpg");
    // The file grows a little on every check of the stability wait (one tick of the clock each).
    for (let size = 2000; size < full.length; size += 4000) {
      await clock.sleeping();
      writeFileSync(file, full.subarray(0, size));
      await clock.tick();
      expect(engine.calls).toHaveLength(0);
    }
    writeFileSync(file, full);
    clock.autoAdvance = true;
    await clock.tick();
    await engine.waitForCall(1);
    engine.release(0);
    await service.idle();
    dispose();
  });
});
