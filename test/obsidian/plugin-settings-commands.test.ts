/** Settings round-trip through data.json, device settings stay out of it, commands and menus are as the review rules ask. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { App, Menu, Modal, Notice, Setting, type FuzzySuggestModal, type TFile } from "../obsidian-stand-in/obsidian";
import { DATA_JSON, MANIFEST, bytesOf, presetSettings, startPlugin, waitFor, stopPlugin, PluginUnderTest, resetRecorders, perTestVault } from "./harness";

const current = perTestVault();

const settingNamed = (name: string) => {
  const found = Setting.all__.filter((s) => s.nameEl.getText() === name).pop();
  if (!found) throw new Error(`No setting named ${name}`);
  return found;
};
const control = <T>(name: string) => settingNamed(name).controls[0] as unknown as T & { change__(v: unknown): Promise<void>; getValue(): unknown };
const dataJson = () => JSON.parse(current.vault.readText(DATA_JSON)) as { settings: Record<string, unknown>; queue: unknown };

test("settings round-trip through data.json; device settings stay in this device's local storage", async () => {
  const { app, plugin } = await startPlugin(current.vault);
  const tab = app.settingTabs__[0];
  tab.display();
  await control("Watched folders").change__("Attachments, /Inbox//Audio/");
  await control("Log language").change__("en");
  await control("Write photo locations").change__(true);
  await control("Whisper model file").change__("/models/ggml-base.bin");
  await control("Processing threads").change__("6");

  const saved = dataJson();
  expect(saved.settings.watchedFolders).toEqual(["Attachments", "Inbox/Audio"]);
  expect(saved.settings.logLanguage).toBe("en");
  expect(saved.settings.includeGps).toBe(true);
  const raw = current.vault.readText(DATA_JSON);
  expect(raw).not.toContain("ggml-base.bin");
  expect(raw).not.toContain("whisperModelPath");
  expect(raw).not.toContain("threads");

  // Restart the plugin on the same device: everything comes back.
  await stopPlugin(app, plugin);
  resetRecorders();
  const again = await startPlugin(current.vault, app);
  current.stop = () => stopPlugin(app, again.plugin);
  app.settingTabs__[app.settingTabs__.length - 1].display();
  expect(control("Watched folders").getValue()).toBe("Attachments, Inbox/Audio");
  expect(control("Log language").getValue()).toBe("en");
  expect(control("Whisper model file").getValue()).toBe("/models/ggml-base.bin");
  expect(control("Processing threads").getValue()).toBe("6");

  // Another device syncing the same vault sees the synced settings, not this device's model path.
  const otherDevice = await App.create__(current.vault.dir);
  const other = await otherDevice.enablePlugin__(PluginUnderTest, MANIFEST);
  expect(other.bitacoraSettings.logLanguage).toBe("en");
  otherDevice.settingTabs__[0].display();
  expect(control("Whisper model file").getValue()).toBe("");
  await stopPlugin(otherDevice, other);
});

test("switching the log location to daily note shows and hides the folder settings", async () => {
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  const tab = app.settingTabs__[0];
  tab.display();
  expect(() => settingNamed("Log folder")).not.toThrow();
  await control("Log location").change__("daily-note");
  expect(tab.containerEl.findAll((el) => el.hasClass("setting-item-name") && el.getText() === "Log folder")).toEqual([]);
  expect(dataJson().settings.logMode).toBe("daily-note");
});

test("commands: no plugin id inside the ids, no default hotkeys, sentence-case names", async () => {
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  const commands = [...app.commands__.values()];
  expect(commands.map((c) => c.name).sort()).toEqual(
    [
      "Open today's log",
      "Pause or resume processing",
      "Process all unprocessed attachments",
      "Process attachment",
      "Reprocess attachment",
      "Show queue",
      "Update dashboards",
      "Download Whisper model",
      "Download photo captioning model",
      "Download OCR language data",
      "Convert log note to entry style…",
      "Which model for my machine?",
    ].sort(),
  );
  for (const command of commands) {
    const ownId = command.id.slice(`${MANIFEST.id}:`.length);
    expect(ownId).not.toContain(MANIFEST.id);
    expect(command.hotkeys).toBeUndefined();
    // Sentence case; "Whisper" is a proper noun and "OCR" an acronym.
    const rest = command.name.slice(1).replace(/Whisper/g, "whisper").replace(/\bOCR\b/g, "ocr");
    expect(rest).toBe(rest.toLowerCase());
  }
  await stopPlugin(app, plugin);
  current.stop = () => undefined;
  expect(app.commands__.size).toBe(0);
});

test("Process attachment without an open media file offers a picker; the file menu offers processing for media only", async () => {
  // Present before the first run: recorded as already there, not processed (the default first-run behaviour).
  current.vault.seed("photos_coco/000000000802.jpg", "Attachments/IMG_20250730_084510.jpg");
  current.vault.writeText("Notes/plain.md", "hello");
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);

  await app.runCommand__(`${MANIFEST.id}:process-attachment`);
  const picker = Modal.open__[0] as FuzzySuggestModal<TFile>;
  expect(picker.getItems().map((f) => f.path)).toEqual(["Attachments/IMG_20250730_084510.jpg"]);
  (picker as unknown as { choose__(q: string): void }).choose__("IMG_2025");
  await waitFor(() => Notice.shown__.some((m) => /already processed.*Reprocess attachment/.test(m)));
  expect(plugin.queue.snapshot().jobs).toEqual([]);

  const photo = app.vault.getFileByPath("Attachments/IMG_20250730_084510.jpg") as unknown as TFile;
  const mediaMenu = new Menu();
  app.workspace.trigger("file-menu", mediaMenu, photo, "file-explorer-context-menu");
  expect(mediaMenu.items.map((i) => i.title)).toEqual(["Process with Bitácora"]);
  const noteMenu = new Menu();
  app.workspace.trigger("file-menu", noteMenu, app.vault.getFileByPath("Notes/plain.md"), "file-explorer-context-menu");
  expect(noteMenu.items).toEqual([]);

  // Reprocess on the active file processes it; doing it twice keeps one entry, updated in place.
  app.workspace.activeFile__ = photo as never;
  for (let round = 1; round <= 2; round++) {
    await app.runCommand__(`${MANIFEST.id}:reprocess-attachment`);
    await waitFor(() => {
      const jobs = plugin.queue.snapshot().jobs;
      return jobs.length > 0 && jobs.every((j) => j.state === "done") && existsSync(path.join(current.vault.dir, "Logs/2025-07-30.md"));
    });
  }
  const log = current.vault.readText("Logs/2025-07-30.md");
  expect(log.match(/\*\*Foto: IMG_20250730_084510\.jpg\*\*/g)).toHaveLength(1);
  expect(log).toContain("\nstatus:: Processed\n");
});

test("first run can process existing attachments; later starts catch up on files added while closed", async () => {
  current.vault.seed("photos_coco/000000000802.jpg", "Attachments/IMG_20250730_084510.jpg");
  presetSettings(current.vault, { firstRun: "queue-existing" });
  const first = await startPlugin(current.vault);
  await waitFor(() => first.plugin.queue.snapshot().jobs.some((j) => j.state === "done"));
  expect(current.vault.readText("Logs/2025-07-30.md")).toContain("**Foto: IMG_20250730_084510.jpg**");
  await stopPlugin(first.app, first.plugin);
  expect(dataJson().settings.firstRunDone).toBe(true);

  // Synced in while Obsidian was closed.
  current.vault.seed("photos_coco/000000011813.jpg", "Attachments/IMG_20250730_101010.jpg");
  const second = await startPlugin(current.vault);
  current.stop = () => stopPlugin(second.app, second.plugin);
  await waitFor(() => second.plugin.queue.snapshot().jobs.some((j) => j.path.endsWith("101010.jpg") && j.state === "done"));
  const log = current.vault.readText("Logs/2025-07-30.md");
  expect(log.match(/\*\*Foto: IMG_20250730_084510\.jpg\*\*/g)).toHaveLength(1);
  expect(log).toContain("**Foto: IMG_20250730_101010.jpg**");
});

test("Open today's log creates the note and opens it; Show queue opens the queue view once", async () => {
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  await app.runCommand__(`${MANIFEST.id}:open-todays-log`);
  const opened = app.workspace.getActiveFile();
  expect(opened?.path).toMatch(/^Logs\/\d{4}-\d{2}-\d{2}\.md$/);
  expect(existsSync(path.join(current.vault.dir, opened!.path))).toBe(true);
  expect(readFileSync(path.join(current.vault.dir, opened!.path), "utf8")).toMatch(/^# Log - \d{4}-\d{2}-\d{2}/);

  await app.runCommand__(`${MANIFEST.id}:show-queue`);
  await app.runCommand__(`${MANIFEST.id}:show-queue`);
  expect(app.workspace.getLeavesOfType("bitacora-queue")).toHaveLength(1);
});

test("Pause or resume processing toggles the queue and says what it pauses", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  await app.runCommand__(`${MANIFEST.id}:toggle-watching`);
  expect(plugin.queue.paused).toBe(true);
  await app.vault.createFolder("Attachments");
  await app.vault.createBinary("Attachments/photo.jpg", bytesOf("photos_coco/000000022192.jpg"));
  await waitFor(() => plugin.queue.snapshot().jobs[0]?.state === "queued", 10000);
  await app.runCommand__(`${MANIFEST.id}:toggle-watching`);
  expect(Notice.shown__.slice(-2)).toEqual([
    "Bitácora paused processing: new attachments are still noticed and wait in the queue until you resume.",
    "Bitácora resumed processing the queue.",
  ]);
  await waitFor(() => plugin.queue.snapshot().jobs[0]?.state === "done");
});

test("settings synced in from another device are picked up; its ledger is merged into this device's queue state (kept on this device)", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  await waitFor(() => dataJson().settings.firstRunDone === true);
  const synced = dataJson();
  synced.settings.logLanguage = "en";
  synced.settings.defaultArea = "DevOps";
  const otherRecord = { path: "Attachments/from-laptop.jpg", notePath: "Logs/2025-07-30.md", entryDate: "2025-07-30T08:45", processedAt: 1 };
  const laptopJob = { id: "laptop-job", path: "x.jpg", kind: "image", state: "queued", attempts: 0, enqueuedAt: 1 };
  // A laptop still on the older version syncs its whole queue inside data.json.
  current.vault.writeText(DATA_JSON, JSON.stringify({ ...synced, queue: { version: 1, jobs: [laptopJob], ledger: { other: otherRecord }, baseline: [] } }));
  await plugin.onExternalSettingsChange();
  expect(plugin.bitacoraSettings.logLanguage).toBe("en");
  expect(plugin.bitacoraSettings.defaultArea).toBe("DevOps");
  // The next save keeps what the other device processed (so it is not redone here) but only this device's jobs.
  plugin.queue.pause();
  // The queue state is this device's own (local storage), never data.json.
  const queueState = () => app.loadLocalStorage("bitacora-queue-state") as { paused?: boolean; ledger: Record<string, unknown>; jobs: unknown[] };
  await waitFor(() => queueState()?.paused === true, 10000);
  expect(queueState().ledger.other).toEqual(otherRecord);
  expect(JSON.stringify(queueState().jobs)).not.toContain("laptop-job");
  expect(dataJson().settings.logLanguage).toBe("en");
});
