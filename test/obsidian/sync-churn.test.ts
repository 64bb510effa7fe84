/**
 * Churn in a synced vault: the plugin (Obsidian stand-in, real engine host) processes 20 photos
 * and every write is counted per file. Each entry passes through three states (Not Processed
 * placeholder → In Progress → Processed), so the day's log note is written exactly 60 times, each
 * write changing one entry's status and nothing else. data.json is not written while processing
 * (the ledger waits for its batch: one write when the batch is due), the dashboards once each
 * after the quiet period, and a restart with nothing new writes no file and no device-local state
 * and reads no log note (the dashboards' device-local index says none changed).
 * The dashboards' debounce and the ledger's batch run on a manual clock (no wall-time race).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { LEDGER_BATCH_MS } from "../../src/obsidian/plugin-data";
import { ObsidianLogNoteSource } from "../../src/obsidian/log-note-source";
import type { Clock } from "../../src/core/ports";
import { App, type TAbstractFile } from "../obsidian-stand-in/obsidian";
import { ManualClock } from "../support/manual-clock";
import { DATA_JSON, MANIFEST, PluginUnderTest, TESTDATA, TEST_WHISPER_MODEL, perTestVault, presetSettings, stopPlugin } from "./harness";

const current = perTestVault();
const clock = new ManualClock({ start: new Date("2025-07-30T18:00:00") });

/** Counts every data.json write, from the first moment of onload. */
let dataJsonWrites = 0;
class PluginOnManualClock extends PluginUnderTest {
  protected override clock(): Clock {
    return clock;
  }
  override saveData(data: unknown): Promise<void> {
    dataJsonWrites++;
    return super.saveData(data);
  }
}

const PHOTOS = readdirSync(path.join(TESTDATA, "photos_coco")).filter((name) => name.endsWith(".jpg"));
/** Twenty distinct files (different content hashes): a photo plus a counter after its JPEG end marker. */
const photo = (i: number) => Buffer.concat([readFileSync(path.join(TESTDATA, "photos_coco", PHOTOS[i % PHOTOS.length])), Buffer.from(`bitacora-churn-${i}`)]);
/** Twenty minutes apart, so each photo is its own entry (the group window is 10 minutes). */
const nameOf = (i: number) => {
  const minutes = 8 * 60 + 20 * i;
  return `Attachments/IMG_20250730_${String(Math.floor(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}00.jpg`;
};

/** Every create/modify per path, with the note's text as written (read at once, before the next write). */
function countWrites(app: App, vaultDir: string) {
  const writes = new Map<string, string[]>();
  const record = (file: TAbstractFile) => {
    if (!("extension" in file)) return;
    const list = writes.get(file.path) ?? [];
    writes.set(file.path, list);
    list.push(file.path.endsWith(".md") ? readFileSync(path.join(vaultDir, file.path), "utf8") : "");
  };
  app.vault.on("create", record);
  app.vault.on("modify", record);
  return writes;
}

/** Every file under the vault folder (.obsidian and data.json included) with its modification time and size. */
function filesOnDisk(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const stat = statSync(full);
    files[path.relative(dir, full)] = `${stat.mtimeMs} ${stat.size}`;
  }
  return files;
}

/** Device-local state writes that change what is stored (a save of the same value is no write). */
function countLocalWrites(app: App) {
  const changed: string[] = [];
  const save = app.saveLocalStorage.bind(app);
  app.saveLocalStorage = (key: string, data: unknown) => {
    if (JSON.stringify(app.loadLocalStorage(key)) !== JSON.stringify(data)) changed.push(key);
    save(key, data);
  };
  return changed;
}

const statuses = (text: string) => [...text.matchAll(/^status:: (.+)$/gm)].map((m) => m[1]);

test("20 photos: the log note is written once per entry state change (60), data.json never while processing, dashboards once each; a restart writes nothing", async () => {
  presetSettings(current.vault, { firstRunDone: true });
  const app = await App.create__(current.vault.dir);
  app.saveLocalStorage("bitacora-device-settings", { whisperModelPath: TEST_WHISPER_MODEL });
  let plugin = await app.enablePlugin__(PluginOnManualClock, MANIFEST);
  current.stop = () => stopPlugin(app, plugin);
  await plugin.settled();
  dataJsonWrites = 0;
  const writes = countWrites(app, current.vault.dir);

  await app.vault.createFolder("Attachments");
  for (let i = 0; i < 20; i++) await app.vault.createBinary(nameOf(i), photo(i));
  await plugin.settled();
  expect(plugin.queue.snapshot().jobs.filter((job) => job.state === "done")).toHaveLength(20);

  const log = writes.get("Logs/2025-07-30.md") ?? [];
  expect(statuses(log.at(-1) ?? "")).toEqual(Array(20).fill("Processed"));
  // 20 placeholders (the first one creates the note with its entry), 20 In Progress, 20 Processed.
  expect(log).toHaveLength(60);
  const order = ["Not Processed", "In Progress", "Processed"];
  log.forEach((text, i) => {
    const before = i === 0 ? [] : statuses(log[i - 1]);
    const after = statuses(text);
    // Each write is one state change of one entry: a new placeholder, or one entry one step on.
    if (after.length === before.length + 1) expect(after.filter((s) => s !== "Not Processed")).toEqual(before.filter((s) => s !== "Not Processed"));
    else {
      expect(after).toHaveLength(before.length);
      const moved = after.flatMap((status, k) => (status === before[k] ? [] : [[before[k], status]]));
      expect(moved).toHaveLength(1);
      expect(order.indexOf(moved[0][1])).toBe(order.indexOf(moved[0][0]) + 1);
    }
  });
  expect(dataJsonWrites).toBe(0);
  expect(writes.has(DATA_JSON)).toBe(false);
  expect(writes.has("Dashboards/Sprint.md")).toBe(false);

  // The quiet period ends: each dashboard is written once; the ledger's batch reaches data.json once.
  clock.advance(LEDGER_BATCH_MS);
  await plugin.settled();
  expect(writes.get("Dashboards/Sprint.md")).toHaveLength(1);
  expect(writes.get("Dashboards/Deployments.md")).toHaveLength(1);
  expect(dataJsonWrites).toBe(1);
  const written = [...writes.keys()].filter((p) => !p.startsWith("Attachments/")).sort();
  expect(written).toEqual(["Dashboards/Deployments.md", "Dashboards/Sprint.md", "Logs/2025-07-30.md"]);

  // Restart with nothing new: no file in the vault folder (data.json included) and no device-local state is written.
  await stopPlugin(app, plugin);
  const before = filesOnDisk(current.vault.dir);
  // This device's dashboard index was saved (the harness keeps it with the test's vault folder).
  expect(Object.keys(before)).toContain(path.join(".obsidian", "test-device-cache", "dashboard-index.json"));
  const localWrites = countLocalWrites(app);
  dataJsonWrites = 0;
  // And no log note is read: this device's dashboard index says none changed.
  const dashboardReads = jest.spyOn(ObsidianLogNoteSource.prototype, "read");
  plugin = await app.enablePlugin__(PluginOnManualClock, MANIFEST);
  current.stop = () => stopPlugin(app, plugin);
  await plugin.settled();
  clock.advance(LEDGER_BATCH_MS);
  await plugin.settled();
  expect(filesOnDisk(current.vault.dir)).toEqual(before);
  expect(dataJsonWrites).toBe(0);
  expect(localWrites).toEqual([]);
  expect(dashboardReads).not.toHaveBeenCalled();
  dashboardReads.mockRestore();
}, 900_000);
