/**
 * Start-up reads only what changed: the dashboards' index covers the log folder only (listed from
 * the stand-in vault's file tree, time and size included), is persisted on this device, and a
 * restart reads only the notes whose time or size changed since. Real files on disk throughout.
 */
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { App as ObsidianApp } from "obsidian";
import { DashboardUpdater } from "../../src/core/service/dashboard-updater";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { dashboardIndexFile, JsonFileIndexStore } from "../../src/obsidian/dashboard-index-store";
import { ObsidianLogNoteSource } from "../../src/obsidian/log-note-source";
import { ObsidianVaultPort } from "../../src/obsidian/vault-port";
import { DashboardsComponent } from "../../src/obsidian/dashboards-component";
import { App } from "../obsidian-stand-in/obsidian";
import { ManualClock } from "../support/manual-clock";
import { makeVault, type TestVault } from "./harness";

let vault: TestVault;
beforeEach(() => (vault = makeVault()));
afterEach(() => vault.remove());

const entry = (day: string, time: string, area: string) =>
  `${time} Revisión ${area}\nstatus:: Processed\narea:: ${area}\ndate:: ${day} ${time}\n\nTexto.\n\n---\n\n`;
const logNote = (day: string) => `# Log - ${day}\n\n${entry(day, "08:45", "Technical")}${entry(day, "10:00", "DevOps")}`;
const DAYS = ["2025-07-28", "2025-07-29", "2025-07-30", "2025-07-31", "2025-08-01"];

/** Opens the vault as a fresh Obsidian start would, with an updater that records which notes it reads. */
async function start(indexFile: string, build = "0.1.0") {
  const app = await App.create__(vault.dir);
  const source = new ObsidianLogNoteSource(app as unknown as ObsidianApp);
  const reads: string[] = [];
  const read = source.read.bind(source);
  source.read = (p) => (reads.push(p), read(p));
  const updater = new DashboardUpdater(new ObsidianVaultPort(app as unknown as ObsidianApp), () => DEFAULT_SETTINGS, new ManualClock(), {
    notes: source,
    store: new JsonFileIndexStore(indexFile),
    indexBuild: build,
  });
  // The plugin stops: a pending index save is written.
  const stop = async () => {
    updater.dispose();
    await updater.settled();
  };
  return { app, updater, reads, stop };
}

test("a restart reads no note when nothing changed, only the changed note when one did, and never a note outside the log folder", async () => {
  for (const day of DAYS) vault.writeText(`Logs/${day}.md`, logNote(day));
  for (let i = 0; i < 20; i++) vault.writeText(`Ideas/idea-${i}.md`, `idea:: ${i}\n`);
  const indexFile = path.join(vault.dir, ".obsidian", "device-cache", "dashboard-index.json");

  const first = await start(indexFile);
  await first.updater.rebuild("always");
  await first.stop();
  expect(first.reads.sort()).toEqual(DAYS.map((day) => `Logs/${day}.md`));
  const sprint = vault.readText(DEFAULT_SETTINGS.sprintDashboardPath);
  expect(sprint).toContain("DevOps");
  const indexWritten = statSync(indexFile).mtimeMs;

  // Nothing changed: no note read, the index file and the dashboards not written.
  const second = await start(indexFile);
  await second.updater.rebuild("never");
  await second.stop();
  expect(second.reads).toEqual([]);
  expect(statSync(indexFile).mtimeMs).toBe(indexWritten);
  expect(vault.readText(DEFAULT_SETTINGS.sprintDashboardPath)).toBe(sprint);

  // Another device (a sync client) changed one note and deleted another while Obsidian was closed.
  const changed = `Logs/${DAYS[2]}.md`;
  vault.writeText(changed, logNote(DAYS[2]) + entry(DAYS[2], "16:00", "Quality Assurance"));
  rmSync(path.join(vault.dir, `Logs/${DAYS[4]}.md`));
  const third = await start(indexFile);
  await third.updater.rebuild("never");
  await third.stop();
  expect(third.reads).toEqual([changed]);
  const afterChange = vault.readText(DEFAULT_SETTINGS.sprintDashboardPath);
  expect(afterChange).toContain("Quality Assurance");

  // The incremental result is what a full read of the log folder gives.
  const full = await start(path.join(vault.dir, ".obsidian", "device-cache", "fresh.json"));
  await full.updater.rebuild("always");
  expect(full.reads).toHaveLength(4);
  expect(vault.readText(DEFAULT_SETTINGS.sprintDashboardPath)).toBe(afterChange);
  expect(Object.keys((JSON.parse(readFileSync(indexFile, "utf8")) as { notes: object }).notes).sort()).toEqual(DAYS.slice(0, 4).map((day) => `Logs/${day}.md`));
});

test("a note edited in place with the same size but a new time is read again; an unreadable or older index costs one full read", async () => {
  for (const day of DAYS) vault.writeText(`Logs/${day}.md`, logNote(day));
  const indexFile = path.join(vault.dir, ".obsidian", "device-cache", "dashboard-index.json");
  const initial = await start(indexFile);
  await initial.updater.rebuild("always");
  await initial.stop();
  const before = vault.readText(DEFAULT_SETTINGS.sprintDashboardPath);

  // Same size: one entry moves to the day before (its date line changes one digit).
  const note = `Logs/${DAYS[0]}.md`;
  writeFileSync(path.join(vault.dir, note), logNote(DAYS[0]).replace(`date:: ${DAYS[0]} 08:45`, "date:: 2025-07-27 08:45"));
  utimesSync(path.join(vault.dir, note), new Date(), new Date(Date.now() + 60_000));
  const edited = await start(indexFile);
  await edited.updater.rebuild("never");
  await edited.stop();
  expect(edited.reads).toEqual([note]);
  expect(vault.readText(DEFAULT_SETTINGS.sprintDashboardPath)).not.toBe(before);

  writeFileSync(indexFile, "{ not json");
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const damaged = await start(indexFile);
  await damaged.updater.rebuild("never");
  await damaged.stop();
  expect(warn).toHaveBeenCalledWith(expect.stringContaining("could not read its dashboard index"), expect.any(SyntaxError));
  warn.mockRestore();
  expect(damaged.reads).toHaveLength(DAYS.length);
  expect(JSON.parse(readFileSync(indexFile, "utf8"))).toMatchObject({ version: 1 });

  writeFileSync(indexFile, JSON.stringify({ version: 0, notes: {} }));
  const older = await start(indexFile);
  await older.updater.rebuild("never");
  await older.stop();
  expect(older.reads).toHaveLength(DAYS.length);

  // A plugin update may parse notes differently: the index it did not write is read again once.
  const updated = await start(indexFile, "0.2.0");
  await updated.updater.rebuild("never");
  await updated.stop();
  expect(updated.reads).toHaveLength(DAYS.length);
  const again = await start(indexFile, "0.2.0");
  await again.updater.rebuild("never");
  expect(again.reads).toEqual([]);
});

test("changes while running are applied from the vault's events, one note at a time, and saved to the index", async () => {
  for (const day of DAYS) vault.writeText(`Logs/${day}.md`, logNote(day));
  const indexFile = path.join(vault.dir, ".obsidian", "device-cache", "dashboard-index.json");
  const running = await start(indexFile);
  await running.updater.rebuild("always");
  running.reads.length = 0;

  const note = running.app.vault.getFileByPath(`Logs/${DAYS[1]}.md`)!;
  await running.app.vault.process(note, (text) => text + entry(DAYS[1], "18:00", "Team Management"));
  running.updater.noteChanged(note.path);
  await running.updater.flush();
  expect(running.reads).toEqual([note.path]);
  expect(vault.readText(DEFAULT_SETTINGS.sprintDashboardPath)).toContain("Team Management");
  await running.stop();

  // The index saved by that change lets the next start read nothing.
  const restarted = await start(indexFile);
  await restarted.updater.rebuild("never");
  expect(restarted.reads).toEqual([]);
});

test("the index lives in the per-user cache folder, outside the vault, one file per vault", () => {
  const file = dashboardIndexFile("/home/ana/Bóveda", "/home/ana/.cache/bitacora");
  expect(path.dirname(file)).toBe("/home/ana/.cache/bitacora/dashboard-index");
  expect(file.startsWith("/home/ana/Bóveda")).toBe(false);
  expect(dashboardIndexFile("/home/ana/Otra", "/home/ana/.cache/bitacora")).not.toBe(file);
  expect(dashboardIndexFile("/home/ana/Bóveda", "/home/ana/.cache/bitacora")).toBe(file);
});

test("in the plugin, the index follows the vault's events (create, modify, rename, delete) and reads only the notes they name", async () => {
  for (const day of DAYS) vault.writeText(`Logs/${day}.md`, logNote(day));
  for (let i = 0; i < 20; i++) vault.writeText(`Ideas/idea-${i}.md`, `idea:: ${i}\n`);
  const indexFile = path.join(vault.dir, ".obsidian", "device-cache", "dashboard-index.json");
  const app = await App.create__(vault.dir);
  const clock = new ManualClock({ start: new Date("2025-08-02T09:00:00") });
  const store = new JsonFileIndexStore(indexFile);
  const component = new DashboardsComponent(app as unknown as ObsidianApp, new ObsidianVaultPort(app as unknown as ObsidianApp), () => DEFAULT_SETTINGS, clock, { store, build: "0.1.0" });
  // The dashboards' reads (Obsidian's own metadata indexing reads notes too; those are not ours).
  const reads: string[] = [];
  const read = ObsidianLogNoteSource.prototype.read;
  jest.spyOn(ObsidianLogNoteSource.prototype, "read").mockImplementation(function (this: ObsidianLogNoteSource, notePath: string) {
    reads.push(notePath);
    return read.call(this, notePath);
  });
  component.load();
  app.workspace.markLayoutReady__();
  await component.updater.settled();
  expect(reads.sort()).toEqual(DAYS.map((day) => `Logs/${day}.md`));
  // "Update dashboards" creates the notes (and re-reads the log folder).
  await component.rebuild();
  reads.length = 0;
  const quietPeriod = async () => {
    clock.advance(2000);
    await component.updater.settled();
  };

  const created = await app.vault.create("Logs/2025-08-02.md", logNote("2025-08-02"));
  await app.vault.create("Ideas/new-idea.md", "idea:: nueva\n");
  await quietPeriod();
  expect(reads).toEqual([created.path]);
  await app.vault.process(created, (text) => text + entry("2025-08-02", "17:00", "Quality Assurance"));
  await quietPeriod();
  expect(vault.readText(DEFAULT_SETTINGS.sprintDashboardPath)).toContain("Quality Assurance");
  await app.vault.rename(created, "Archivo/2025-08-02.md");
  await quietPeriod();
  expect(vault.readText(DEFAULT_SETTINGS.sprintDashboardPath)).not.toContain("Quality Assurance");
  await app.vault.delete(app.vault.getFileByPath(`Logs/${DAYS[0]}.md`)!);
  await quietPeriod();
  // The new note was read twice (created, then modified); a rename out of the folder and a delete read nothing.
  expect(reads).toEqual(["Logs/2025-08-02.md", "Logs/2025-08-02.md"]);

  component.unload();
  await component.updater.settled();
  const saved = JSON.parse(readFileSync(indexFile, "utf8")) as { notes: Record<string, unknown> };
  expect(Object.keys(saved.notes).sort()).toEqual(DAYS.slice(1).map((day) => `Logs/${day}.md`));
  jest.restoreAllMocks();
  await app.indexed__();
});
