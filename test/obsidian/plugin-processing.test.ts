/**
 * The plugin loaded into the Obsidian stand-in processes attachments end to end with the real
 * engine host: the entry goes Not Processed → In Progress → Processed in the log note.
 */
import { App, Notice, type TFile } from "../obsidian-stand-in/obsidian";
import { MANIFEST, bytesOf, presetSettings, startPlugin, waitFor, stopPlugin, perTestVault } from "./harness";

const current = perTestVault();

const statusesIn = (text: string) => [...text.matchAll(/status:: ([A-Za-z ]+?)[\]\n]/g)].map((m) => m[1]);

/** Adds `bytes` at `path` and returns every status the log note showed, in order, until Processed or Error. */
async function statusesWhileProcessing(app: App, path: string, bytes: Uint8Array, logPath: string, timeoutMs: number) {
  const seen: string[] = [];
  // The note is created with its first entry (one write), then modified.
  const record = async (file: TFile) => {
    if (file.path === logPath) seen.push(...statusesIn(await app.vault.read(file)));
  };
  app.vault.on("create", record);
  app.vault.on("modify", record);
  await app.vault.createBinary(path, bytes);
  const log = await waitFor(() => app.vault.getFileByPath(logPath) ?? undefined, timeoutMs);
  await waitFor(async () => /status:: (Processed|Error)/.test(await app.vault.read(log)), timeoutMs);
  // The modify listener reads asynchronously and may not have recorded the last write yet.
  const text = await app.vault.read(log);
  seen.push(...statusesIn(text));
  return { statuses: seen.filter((status, i) => status !== seen[i - 1]), text };
}

test("a photo added to the vault goes Not Processed → In Progress → Processed", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  await app.vault.createFolder("Attachments");
  const { statuses, text } = await statusesWhileProcessing(
    app,
    "Attachments/IMG_20250730_084510.jpg",
    bytesOf("photos_coco/000000000802.jpg"),
    "Logs/2025-07-30.md",
    60000,
  );
  expect(statuses).toEqual(["Not Processed", "In Progress", "Processed"]);
  expect(text).toContain("\n08:45 ");
  expect(text).toContain("![[Attachments/IMG_20250730_084510.jpg]]");
  expect(text).toContain("**Foto: IMG_20250730_084510.jpg**");
  expect(plugin.queue.snapshot().jobs.map((job) => job.state)).toEqual(["done"]);
});

// Whisper runs for real with whisper.cpp's weightless test model (its words are meaningless; its time is not).
test("a recording goes Not Processed → In Progress → Processed through Whisper in the engine host", async () => {
  presetSettings(current.vault, { whisperLanguage: "es" });
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  await app.vault.createFolder("Attachments");
  const { statuses, text } = await statusesWhileProcessing(
    app,
    "Attachments/Recording 20250730153012.ogg",
    bytesOf("speech_es/fleurs-es-000.ogg"),
    "Logs/2025-07-30.md",
    280000,
  );
  expect(statuses).toEqual(["Not Processed", "In Progress", "Processed"]);
  expect(text).toContain("\n15:30 ");
  expect(text).toContain("![[Attachments/Recording 20250730153012.ogg]]");
  expect(text).toContain("**Audio grabado: Recording 20250730153012.ogg**");
  expect(text).toMatch(/^duration:: 0:1\d$/m);
}, 300000);

test("attachments already in the vault at startup are not flooded into the queue", async () => {
  current.vault.seed("photos_coco/000000000802.jpg", "Attachments/old photo.jpg");
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  // Startup fired `create` for the file (Obsidian indexing the vault), before the layout was ready.
  // Events reach the queue in order, so once a later file's job exists, the old one would be there too.
  await app.vault.createFolder("Attachments/new");
  await app.vault.create("Attachments/new/IMG_20250730_084510.jpg", "");
  await waitFor(() => plugin.queue.snapshot().jobs.length > 0);
  expect(plugin.queue.snapshot().jobs.map((job) => job.path)).toEqual(["Attachments/new/IMG_20250730_084510.jpg"]);
  await plugin.queue.idle();
  expect(current.vault.readText("Logs/2025-07-30.md")).not.toContain("old photo");
});

test("ignored folders and non-media files are left alone; a photo in a watched folder is processed", async () => {
  presetSettings(current.vault, { watchedFolders: ["Attachments"], ignoredFolders: ["Attachments/Private"] });
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
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
  expect(log).toContain("\n08:45 ");
  expect(log).toContain("**Foto: IMG_20250730_084510.jpg**");
  expect(log).toContain("\nstatus:: Processed\n");
});

test("a text file with an audio extension ends in an error entry and a failed job with the reason", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  await app.vault.createFolder("Attachments");
  await app.vault.create("Attachments/Recording 20250730101500.mp3", "this is plain text, not audio\n".repeat(40));

  const job = await waitFor(() => plugin.queue.snapshot().jobs.find((j) => j.state === "failed"));
  expect(job.error).toBeTruthy();
  // The error entry is written right after the job is marked failed: wait for it to land.
  const logFile = await waitFor(() => app.vault.getFileByPath("Logs/2025-07-30.md") ?? undefined);
  const log = await waitFor(async () => {
    const text = await app.vault.read(logFile);
    return /status:: (Error|Failed)/.test(text) ? text : undefined;
  });
  expect(log).toMatch(/status:: (Error|Failed)/);
  expect(log).toContain(job.error as string);
});

test("the status bar shows the queue and ends idle", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  const bar = app.statusBar__.findByClass("bitacora-status")[0];
  expect(bar.getText()).toBe("Bitácora: idle");
  await app.vault.createFolder("Attachments");
  await app.vault.createBinary("Attachments/photo.jpg", bytesOf("photos_coco/000000022192.jpg"));
  await waitFor(() => /1 in queue/.test(bar.getText()));
  await waitFor(() => plugin.queue.snapshot().jobs[0]?.state === "done");
  expect(bar.getText()).toBe("Bitácora: idle");
  await stopPlugin(app, plugin);
  current.stop = () => undefined;
  expect(app.statusBar__.findByClass("bitacora-status")).toEqual([]);
});

test("a plugin folder without the engine host says so at load instead of failing silently", async () => {
  const { default: BitacoraPlugin } = await import("../../src/obsidian/main");
  const app = await App.create__(current.vault.dir);
  const plugin = await app.enablePlugin__(BitacoraPlugin, MANIFEST);
  current.stop = () => app.disablePlugin__(plugin);
  expect(Notice.shown__.join("\n")).toMatch(/no engines .*engine-host\.js is missing/);
});
