/**
 * data.json holds only what every device shares (settings, content ledger); the queue, job
 * history and first-run baseline stay in this device's local storage. The ledger reaches
 * data.json in batches and is merged with what another device synced, so no record is lost.
 * Real files on disk through the Obsidian stand-in's Plugin.loadData/saveData; the clock is manual.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LEDGER_BATCH_MS, PluginDataStore } from "../../src/obsidian/plugin-data";
import { App, Plugin } from "../obsidian-stand-in/obsidian";
import { ManualClock } from "../support/manual-clock";
import type { LedgerRecord } from "../../src/core/queue/ledger";

class BarePlugin extends Plugin {}
const MANIFEST = { id: "bitacora", name: "Bitácora", version: "0.0.0", minAppVersion: "1.8.7", author: "", description: "", dir: ".obsidian/plugins/bitacora" };

function device(dir: string, clock = new ManualClock()) {
  const app = new App(dir);
  const plugin = new BarePlugin(app, MANIFEST as never);
  let writes = 0;
  const saveData = plugin.saveData.bind(plugin);
  plugin.saveData = (data: unknown) => (writes++, saveData(data));
  const store = new PluginDataStore(plugin as never, clock);
  return { app, store, clock, writes: () => writes };
}

const dataJsonOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, ".obsidian/plugins/bitacora/data.json"), "utf8")) as Record<string, unknown>;
const record = (name: string, processedAt = 1): LedgerRecord => ({ path: `Attachments/${name}.jpg`, notePath: "Logs/2025-07-30.md", entryDate: "2025-07-30T08:45", processedAt });
const job = (name: string) => ({ id: name, path: `Attachments/${name}.jpg`, kind: "image", state: "done", attempts: 1, createdAt: 1, updatedAt: 1 });

test("twenty processed jobs write data.json once (a batch), holding the ledger but no queue, history or baseline", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-vault-"));
  const { app, store, clock, writes } = device(dir);
  await store.load();
  await store.queueState.load();
  const ledger: Record<string, LedgerRecord> = {};
  const jobs: unknown[] = [];
  for (let i = 0; i < 20; i++) {
    ledger[`hash${i}`] = record(`p${i}`);
    jobs.push(job(`p${i}`));
    await store.queueState.save({ version: 1, jobs: [...jobs], ledger: { ...ledger }, baseline: ["Attachments/old.jpg"], paused: false });
  }
  expect(writes()).toBe(0);
  clock.advance(LEDGER_BATCH_MS);
  // The batch's write runs on its own once the clock says so (turns of the event loop, no wall time).
  for (let turn = 0; turn < 1000 && writes() === 0; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(writes()).toBe(1);
  await store.flushLedger();
  expect(writes()).toBe(1);
  const saved = dataJsonOf(dir);
  expect(Object.keys(saved).sort()).toEqual(["ledger", "settings"]);
  expect(Object.keys(saved.ledger as object)).toHaveLength(20);
  // The queue survives a restart of this device from its local storage.
  const local = app.loadLocalStorage("bitacora-queue-state") as { jobs: unknown[]; baseline: string[] };
  expect(local.jobs).toHaveLength(20);
  expect(local.baseline).toEqual(["Attachments/old.jpg"]);

  // A restart with nothing new writes nothing.
  const again = new PluginDataStore((store as unknown as { plugin: never }).plugin, clock);
  await again.load();
  const restored = (await again.queueState.load()) as { jobs: unknown[]; ledger: object };
  expect(restored.jobs).toHaveLength(20);
  expect(Object.keys(restored.ledger)).toHaveLength(20);
  await again.queueState.save(restored);
  await again.flushLedger();
  expect(writes()).toBe(1);
});

test("two devices' ledgers are merged with no lost record, whichever wrote last or whose copy the sync kept", async () => {
  const shared = mkdtempSync(path.join(tmpdir(), "bitacora-vault-"));
  const laptop = device(shared);
  const desktop = device(shared);
  await laptop.store.load();
  await desktop.store.load();
  await laptop.store.queueState.load();
  await desktop.store.queueState.load();
  await laptop.store.queueState.save({ version: 1, jobs: [], ledger: { a: record("a") }, baseline: [] });
  await desktop.store.queueState.save({ version: 1, jobs: [], ledger: { b: record("b") }, baseline: [] });
  await laptop.store.flushLedger();
  // The desktop never saw the laptop's record, yet its batch keeps it.
  await desktop.store.flushLedger();
  expect(Object.keys(dataJsonOf(shared).ledger as object).sort()).toEqual(["a", "b"]);

  // A sync tool that keeps one device's copy whole (last writer wins) loses nothing either:
  // the other device learns the kept copy's records and writes the union back.
  const file = path.join(shared, ".obsidian/plugins/bitacora/data.json");
  await desktop.store.queueState.save({ version: 1, jobs: [], ledger: { a: record("a"), b: record("b"), c: record("c", 5) }, baseline: [] });
  await desktop.store.flushLedger();
  const laptopCopy = { settings: dataJsonOf(shared).settings, ledger: { a: record("a"), d: record("d", 7) } };
  writeFileSync(file, JSON.stringify(laptopCopy));
  const synced = await desktop.store.reloadSettings();
  expect(Object.keys(synced!.ledger).sort()).toEqual(["a", "d"]);
  await desktop.store.queueState.save({ version: 1, jobs: [], ledger: { a: record("a"), b: record("b"), c: record("c", 5), d: record("d", 7) }, baseline: [] });
  await desktop.store.flushLedger();
  expect(Object.keys(dataJsonOf(shared).ledger as object).sort()).toEqual(["a", "b", "c", "d"]);
});

test("an older data.json with the queue inside is read once: jobs and baseline move to this device, the ledger stays synced", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-vault-"));
  mkdirSync(path.join(dir, ".obsidian/plugins/bitacora"), { recursive: true });
  const old = { settings: { settingsVersion: 1, logFolder: "Bitácora" }, queue: { version: 1, jobs: [job("x")], ledger: { x: record("x") }, baseline: ["Attachments/old.jpg"], paused: true } };
  writeFileSync(path.join(dir, ".obsidian/plugins/bitacora/data.json"), JSON.stringify(old));
  const { app, store, writes } = device(dir);
  await store.load();
  // Moved to this device first, then data.json is rewritten once without it.
  expect(app.loadLocalStorage("bitacora-queue-state")).toMatchObject({ baseline: ["Attachments/old.jpg"], paused: true });
  expect(writes()).toBe(1);
  expect(Object.keys(dataJsonOf(dir)).sort()).toEqual(["ledger", "settings"]);
  const state = (await store.queueState.load()) as { jobs: unknown[]; ledger: object; baseline: string[]; paused: boolean };
  expect(store.settings.logFolder).toBe("Bitácora");
  expect(state.jobs).toHaveLength(1);
  expect(Object.keys(state.ledger)).toEqual(["x"]);
  expect(state).toMatchObject({ baseline: ["Attachments/old.jpg"], paused: true });
  await store.queueState.save(state);
  expect(app.loadLocalStorage("bitacora-queue-state")).toMatchObject({ baseline: ["Attachments/old.jpg"] });
  await store.updateSettings({ logFolder: "Diario" });
  expect(writes()).toBe(2);
  expect(Object.keys(dataJsonOf(dir)).sort()).toEqual(["ledger", "settings"]);
});
