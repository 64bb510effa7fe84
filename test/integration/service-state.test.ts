import path from "node:path";
import { readFileSync } from "node:fs";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { addFile, GatedEngine, readNote, SHARED, tempVault } from "../support/service-harness";
import { makeService, processPhotoA } from "../support/engine-service-harness";

const NOTE = "Logs/2025-07-30.md";

test("stopping mid-job (Obsidian closing) leaves the entry In Progress; the next start finishes it", async () => {
  const vault = tempVault();
  const engine = new GatedEngine();
  const first = makeService(vault, { engine });
  await first.service.start();
  addFile(vault, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
  await first.service.enqueue("A/2025-07-30 08.00.00 a.jpg");
  await engine.waitForCall(1);
  await first.service.stop();
  expect(parseLogNote(readNote(vault, NOTE)).entries[0].entry.status).toBe("In Progress");
  const second = makeService(vault, { engine: new GatedEngine() });
  await second.service.start();
  const gate = second.engine as GatedEngine;
  await gate.waitForCall(1);
  gate.release(0);
  await second.service.idle();
  second.dispose();
  expect(parseLogNote(readNote(vault, NOTE)).entries.map((p) => p.entry.status)).toEqual(["Processed"]);
});

test("pause survives a restart; resume processes what waited", async () => {
  const vault = tempVault();
  const engine = new GatedEngine();
  const first = makeService(vault, { engine });
  await first.service.start();
  first.service.pause();
  addFile(vault, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
  await first.service.enqueue("A/2025-07-30 08.00.00 a.jpg");
  await first.service.idle();
  first.dispose();
  expect(engine.calls).toEqual([]);
  const second = makeService(vault, { engine });
  await second.service.start();
  expect(second.service.paused).toBe(true);
  second.service.resume();
  await engine.waitForCall(1);
  engine.release(0);
  await second.service.idle();
  second.dispose();
  expect(parseLogNote(readNote(vault, NOTE)).entries[0].entry.status).toBe("Processed");
});

test("a ledger synced from another device keeps this one from processing the same content", async () => {
  const vault = tempVault();
  await processPhotoA(vault);
  const otherDeviceState = JSON.parse(readFileSync(vault.absolutePath(".bitacora/state.json"), "utf8"));

  const here = tempVault();
  const local = makeService(here, { engine: new GatedEngine() });
  await local.service.start();
  local.service.mergeExternalState(otherDeviceState);
  addFile(here, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
  expect(await local.service.enqueue("A/2025-07-30 08.00.00 a.jpg")).toBe("already-processed");
  local.dispose();
  expect((local.engine as GatedEngine).calls).toEqual([]);
});

test("an entry that moves to its capture day leaves no empty log note behind; a note with user text stays", async () => {
  const vault = tempVault();
  const engine = new GatedEngine();
  const { service, dispose } = makeService(vault, { engine });
  await service.start();
  const today = await service.openTodayLogPath();
  addFile(vault, "A/foto.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
  addFile(vault, "A/otra.jpg", path.join(SHARED, "photos_coco/000000011813.jpg"));
  await service.enqueue("A/foto.jpg");
  await engine.waitForCall(1);
  // The file name has no time, so the entry waits in today's note until the photo's EXIF says 2025-07-30.
  expect(readNote(vault, today)).toContain("A/foto.jpg");
  engine.release(0, { kind: "image", capturedAt: "2025-07-30T08:45:10" });
  await service.idle();
  expect(readNote(vault, NOTE)).toContain("A/foto.jpg");
  expect(readNote(vault, today)).toBe("");

  await service.enqueue("A/otra.jpg");
  await engine.waitForCall(2);
  const file = vault.absolutePath(today);
  const fs = require("node:fs") as typeof import("node:fs");
  // Written under the day's heading, not after the entry (text after an entry travels with it).
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^(# Log - .*\n)/, "$1Mis notas de hoy.\n"));
  engine.release(1, { kind: "image", capturedAt: "2025-07-30T09:00:00" });
  await service.idle();
  dispose();
  expect(readNote(vault, today)).toContain("Mis notas de hoy.");
});
