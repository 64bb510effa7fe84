/**
 * The plugin loaded into the Obsidian stand-in processes attachments end to end with the real
 * engine host: the entry goes Not Processed → In Progress → Processed in the log note.
 */
import { TFile } from "../obsidian-stand-in/obsidian";
import { bytesOf, makeVault, presetSettings, resetRecorders, startPlugin, waitFor, type TestVault } from "./harness";

let vault: TestVault;
let stop: () => void = () => undefined;
beforeEach(() => {
  resetRecorders();
  vault = makeVault();
});
afterEach(() => {
  stop();
  vault.remove();
});

const statusesIn = (text: string) => [...text.matchAll(/status:: ([A-Za-z ]+?)[\]\n]/g)].map((m) => m[1]);

test("a recording added to the vault goes Not Processed → In Progress → Processed", async () => {
  presetSettings(vault, {});
  const { app, plugin } = await startPlugin(vault);
  stop = () => app.disablePlugin__(plugin);
  await app.vault.createFolder("Attachments");

  // Every write to a log note, in order, as the user would see it.
  const seen: string[] = [];
  app.vault.on("modify", async (file: TFile) => {
    if (file.path.startsWith("Logs/")) seen.push(...statusesIn(await app.vault.read(file)));
  });
  await app.vault.createBinary("Attachments/Recording 20250730153012.ogg", bytesOf("speech_es/fleurs-es-000.ogg"));

  const log = await waitFor(() => app.vault.getFileByPath("Logs/2025-07-30.md"));
  await waitFor(async () => statusesIn(await app.vault.read(log)).includes("Processed"));
  const text = await app.vault.read(log);
  const distinct = seen.filter((status, i) => status !== seen[i - 1]);
  expect(distinct).toEqual(["Not Processed", "In Progress", "Processed"]);
  expect(text).toContain("15:30");
  expect(text).toContain("[attachment:: [[Attachments/Recording 20250730153012.ogg]]]");
  expect(text).toContain("**Audio grabado: Recording 20250730153012.ogg**");
  expect(plugin.queue.snapshot().jobs.map((job) => job.state)).toEqual(["done"]);
});

test("attachments already in the vault at startup are not flooded into the queue", async () => {
  vault.seed("photos_coco/000000000802.jpg", "Attachments/old photo.jpg");
  presetSettings(vault, {});
  const { app, plugin } = await startPlugin(vault);
  stop = () => app.disablePlugin__(plugin);
  // Startup fired `create` for the file (Obsidian indexing the vault), before the layout was ready.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(plugin.queue.snapshot().jobs).toEqual([]);
  expect(app.vault.getFolderByPath("Logs")).toBeNull();
});

test("ignored folders and non-media files are left alone; a photo in a watched folder is processed", async () => {
  presetSettings(vault, { watchedFolders: ["Attachments"], ignoredFolders: ["Attachments/Private"] });
  const { app, plugin } = await startPlugin(vault);
  stop = () => app.disablePlugin__(plugin);
  await app.vault.createFolder("Attachments");
  await app.vault.createFolder("Attachments/Private");
  await app.vault.createFolder("Elsewhere");
  await app.vault.createBinary("Attachments/Private/secret.jpg", bytesOf("photos_coco/000000011813.jpg"));
  await app.vault.createBinary("Elsewhere/outside.jpg", bytesOf("photos_coco/000000011813.jpg"));
  await app.vault.create("Attachments/notes.md", "just a note");
  await app.vault.createBinary("Attachments/IMG_20250730_084510.jpg", bytesOf("photos_coco/000000000802.jpg"));

  await waitFor(() => plugin.queue.snapshot().jobs.some((job) => job.state === "done"));
  const jobs = plugin.queue.snapshot().jobs;
  expect(jobs.map((job) => job.path)).toEqual(["Attachments/IMG_20250730_084510.jpg"]);
  const log = await app.vault.read(app.vault.getFileByPath("Logs/2025-07-30.md") as TFile);
  expect(log).toContain("## 08:45");
  expect(log).toContain("**Foto: IMG_20250730_084510.jpg**");
  expect(log).toContain("[status:: Processed]");
});

test("a text file with an audio extension ends in an error entry and a failed job with the reason", async () => {
  presetSettings(vault, {});
  const { app, plugin } = await startPlugin(vault);
  stop = () => app.disablePlugin__(plugin);
  await app.vault.createFolder("Attachments");
  await app.vault.create("Attachments/Recording 20250730101500.mp3", "this is plain text, not audio\n".repeat(40));

  const job = await waitFor(() => plugin.queue.snapshot().jobs.find((j) => j.state === "failed"));
  expect(job.error).toBeTruthy();
  const log = await app.vault.read(app.vault.getFileByPath("Logs/2025-07-30.md") as TFile);
  expect(log).toMatch(/status:: (Error|Failed)/);
  expect(log).toContain(job.error as string);
});

test("the status bar shows the queue and ends idle", async () => {
  presetSettings(vault, {});
  const { app, plugin } = await startPlugin(vault);
  stop = () => app.disablePlugin__(plugin);
  const bar = app.statusBar__.findByClass("bitacora-status")[0];
  expect(bar.getText()).toBe("Bitácora: idle");
  await app.vault.createFolder("Attachments");
  await app.vault.createBinary("Attachments/clip.ogg", bytesOf("speech_es/fleurs-es-001.ogg"));
  await waitFor(() => /1 in queue/.test(bar.getText()));
  await waitFor(() => plugin.queue.snapshot().jobs[0]?.state === "done");
  expect(bar.getText()).toBe("Bitácora: idle");
  app.disablePlugin__(plugin);
  stop = () => undefined;
  expect(app.statusBar__.findByClass("bitacora-status")).toEqual([]);
});
