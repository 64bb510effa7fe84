import path from "node:path";
import { readFileSync } from "node:fs";
import { parseLogNote } from "../../../src/core/log/parse-log-note";
import { addFile, GatedEngine, makeService, readNote, SHARED, tempVault, until } from "../../support/service-harness";

const NOTE = "Logs/2025-07-30.md";

test("stopping mid-job (Obsidian closing) leaves the entry In Progress; the next start finishes it", async () => {
  const vault = tempVault();
  const engine = new GatedEngine();
  const first = makeService(vault, { engine });
  await first.service.start();
  addFile(vault, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
  await first.service.enqueue("A/2025-07-30 08.00.00 a.jpg");
  await engine.waitForCall(1);
  first.service.stop();
  await new Promise((r) => setTimeout(r, 100));
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
  const { service, dispose } = makeService(vault);
  await service.start();
  addFile(vault, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
  await service.enqueue("A/2025-07-30 08.00.00 a.jpg");
  await service.idle();
  dispose();
  const otherDeviceState = JSON.parse(readFileSync(vault.absolutePath(".bitacora/state.json"), "utf8"));

  const here = tempVault();
  const local = makeService(here, { engine: new GatedEngine() });
  await local.service.start();
  local.service.mergeExternalState(otherDeviceState);
  addFile(here, "A/2025-07-30 08.00.00 a.jpg", path.join(SHARED, "photos_coco/000000000802.jpg"));
  expect(await local.service.enqueue("A/2025-07-30 08.00.00 a.jpg")).toBe("already-processed");
  await until(() => true);
  local.dispose();
  expect((local.engine as GatedEngine).calls).toEqual([]);
});
