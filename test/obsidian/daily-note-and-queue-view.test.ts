/** The daily-note locator honours the user's Daily notes / Periodic Notes setup; the queue view renders jobs and their controls. */
import type { App as ObsidianApp, WorkspaceLeaf as ObsidianLeaf } from "obsidian";
import { App, FakeElement, Notice, WorkspaceLeaf, type TFile } from "../obsidian-stand-in/obsidian";
import { DailyNoteLocator, fillDailyTemplate } from "../../src/obsidian/daily-note-locator";
import { topicNotesIn } from "../../src/obsidian/topic-notes";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { QueueView } from "../../src/obsidian/queue-view";
import type { QueueControls, QueueSnapshot } from "../../src/obsidian/queue-controls";
import { bytesOf, presetSettings, startPlugin, waitFor, stopPlugin, perTestVault } from "./harness";

const current = perTestVault();

const JULY_30 = new Date(2025, 6, 30, 15, 30);
const coreDailyNotes = (app: App, options: Record<string, string>) => {
  app.internalPlugins.plugins["daily-notes"] = { enabled: true, instance: { options } };
};

test("core Daily notes: folder, moment format (with nested folders) and template placeholders", async () => {
  current.vault.writeText("Templates/Diario.md", "# {{date:dddd D [de] MMMM}}\n\nCreada {{date}} · ayer {{yesterday}}\n\n## Registro\n");
  const app = await App.create__(current.vault.dir);
  coreDailyNotes(app, { folder: "Diario/", format: "YYYY/MM/YYYY-MM-DD", template: "Templates/Diario" });
  const located = await new DailyNoteLocator(app as unknown as ObsidianApp, () => JULY_30).locate(JULY_30);
  expect(located.path).toBe("Diario/2025/07/2025-07-30.md");
  expect(located.initial).toBe("# Wednesday 30 de July\n\nCreada 2025/07/2025-07-30 · ayer 2025/07/2025-07-29\n\n## Registro\n");
});

test("in daily-note mode the daily notes are never topics; other notes in their folder still are", async () => {
  for (const path of ["Diario/2025/07/2025-07-30.md", "Diario/2025/07/2025-07-31.md", "Diario/kubernetes.md", "Topics/whisper_ai.md"]) {
    current.vault.writeText(path, "# x\n");
  }
  const app = await App.create__(current.vault.dir);
  coreDailyNotes(app, { folder: "Diario/", format: "YYYY/MM/YYYY-MM-DD" });
  const names = (logMode: "daily-note" | "log-folder") =>
    topicNotesIn(app as unknown as ObsidianApp, { ...DEFAULT_SETTINGS, logMode }).map((note) => note.name).sort();
  expect(names("daily-note")).toEqual(["kubernetes", "whisper_ai"]);
  // In log-folder mode, notes named like days outside the log folder are the user's own.
  expect(names("log-folder")).toEqual(["2025-07-30", "2025-07-31", "kubernetes", "whisper_ai"]);
});

test("Periodic Notes daily settings win when enabled; defaults when nothing is configured", async () => {
  const app = await App.create__(current.vault.dir);
  expect((await new DailyNoteLocator(app as unknown as ObsidianApp).locate(JULY_30)).path).toBe("2025-07-30.md");
  coreDailyNotes(app, { folder: "Core", format: "YYYY-MM-DD" });
  app.plugins.plugins["periodic-notes"] = { settings: { daily: { enabled: true, folder: "Periodic", format: "DD-MM-YYYY", template: "" } } };
  app.plugins.enabledPlugins.add("periodic-notes");
  expect((await new DailyNoteLocator(app as unknown as ObsidianApp).locate(JULY_30)).path).toBe("Periodic/30-07-2025.md");
});

test("a missing template is reported, not silently skipped", async () => {
  const app = await App.create__(current.vault.dir);
  coreDailyNotes(app, { folder: "", format: "YYYY-MM-DD", template: "Templates/Nope" });
  const located = await new DailyNoteLocator(app as unknown as ObsidianApp).locate(JULY_30);
  expect(located.initial).toBe("");
  expect(Notice.shown__.join("\n")).toContain('template "Templates/Nope" was not found');
});

test("template time placeholders use the current time and offsets", () => {
  const now = new Date(2026, 0, 2, 9, 5);
  expect(fillDailyTemplate("{{time}} {{date+1d:YYYY-MM-DD}} {{tomorrow}} {{title}}", JULY_30, "YYYY-MM-DD", now)).toBe(
    "09:05 2025-07-31 2025-07-31 2025-07-30",
  );
});

test("in daily-note mode an attachment's entry lands in the user's daily note, created from their template", async () => {
  current.vault.writeText("Templates/Daily.md", "# {{date:YYYY-MM-DD}}\n\n## Tareas\n- [ ] revisar\n");
  presetSettings(current.vault, { logMode: "daily-note" });
  const app = await App.create__(current.vault.dir);
  coreDailyNotes(app, { folder: "Daily", format: "YYYY-MM-DD", template: "Templates/Daily" });
  const { plugin } = await startPlugin(current.vault, app);
  current.stop = () => stopPlugin(app, plugin);
  await app.vault.createFolder("Attachments");
  await app.vault.createBinary("Attachments/IMG_20250730_153012.jpg", bytesOf("photos_coco/000000022192.jpg"));
  await waitFor(() => plugin.queue.snapshot().jobs[0]?.state === "done");
  const note = await app.vault.read(app.vault.getFileByPath("Daily/2025-07-30.md") as TFile);
  expect(note.startsWith("# 2025-07-30\n\n## Tareas\n- [ ] revisar\n")).toBe(true);
  expect(note).toContain("**Foto: IMG_20250730_153012.jpg**");
  expect(note).toContain("\nstatus:: Processed\n");
  expect(app.vault.getFolderByPath("Logs")).toBeNull();
});

/** A queue whose snapshot the test sets, recording what the view asks of it. */
function fakeQueue(snapshot: QueueSnapshot) {
  const calls: string[] = [];
  let listener: ((s: QueueSnapshot) => void) | null = null;
  const queue: QueueControls & { set(s: QueueSnapshot): void } = {
    get paused() {
      return snapshot.paused;
    },
    snapshot: () => snapshot,
    onChange: (l) => ((listener = l), () => (listener = null)),
    enqueue: async () => "queued",
    processAllUnprocessed: async () => 0,
    retry: (id) => calls.push(`retry ${id}`),
    cancel: (id) => calls.push(`cancel ${id}`),
    pause: () => calls.push("pause"),
    resume: () => calls.push("resume"),
    openTodayLogPath: async () => "Logs/today.md",
    set: (next) => {
      snapshot = next;
      listener?.(next);
    },
  };
  return { queue, calls };
}

test("the queue view shows each job's state, progress and error, with retry and cancel", async () => {
  const app = await App.create__(current.vault.dir);
  const { queue, calls } = fakeQueue({
    paused: false,
    jobs: [
      { id: "a", path: "Attachments/Recording 1.webm", kind: "audio", state: "running", attempts: 1, progress: { stage: "Transcribing", fraction: 0.42 } },
      { id: "b", path: "Attachments/broken.m4a", kind: "audio", state: "failed", attempts: 3, error: "The file is not a valid audio file." },
      { id: "c", path: "Attachments/photo.jpg", kind: "image", state: "queued", attempts: 0 },
    ],
  });
  const view = new QueueView(new WorkspaceLeaf(app) as unknown as ObsidianLeaf, queue);
  const standIn = view as unknown as { open__(): Promise<void>; close__(): Promise<void>; contentEl: FakeElement };
  await standIn.open__();
  const content = standIn.contentEl;
  const jobs = content.findByClass("bitacora-job");
  expect(jobs.map((j) => j.findByClass("bitacora-job-name")[0].getText())).toEqual(["Recording 1.webm", "photo.jpg", "broken.m4a"]);
  expect(jobs[0].findByClass("bitacora-job-state")[0].getText()).toBe("Transcribing 42%");
  expect(jobs[0].findAll((el) => el.tagName === "progress")[0].getAttr("value")).toBe("0.42");
  expect(jobs[2].findByClass("bitacora-job-error")[0].getText()).toBe("The file is not a valid audio file.");
  jobs[2].findByText("button", "Retry")?.click();
  jobs[0].findByText("button", "Cancel")?.click();
  expect(jobs[2].findByText("button", "Cancel")).toBeUndefined();
  content.findByText("button", "Pause")?.click();
  expect(calls).toEqual(["retry b", "cancel a", "pause"]);

  // A progress message redraws only its own row: the other rows are the same elements.
  const before = content.findByClass("bitacora-job");
  queue.set({ ...queue.snapshot(), jobs: queue.snapshot().jobs.map((j) => (j.id === "a" ? { ...j, progress: { stage: "Transcribing", fraction: 0.5 } } : j)) });
  const after = content.findByClass("bitacora-job");
  expect(after[1]).toBe(before[1]);
  expect(after[2]).toBe(before[2]);
  expect(after[0].findByClass("bitacora-job-state")[0].getText()).toBe("Transcribing 50%");

  queue.set({ paused: true, jobs: [] });
  expect(content.getText()).toContain("Queue (paused)");
  expect(content.getText()).toContain("No attachments in the queue.");
  await standIn.close__();
});

test("Open today's log in daily-note mode opens today's daily note, created from the template", async () => {
  current.vault.writeText("Templates/Daily.md", "# {{title}}\n\n## Notas\n");
  presetSettings(current.vault, { logMode: "daily-note" });
  const app = await App.create__(current.vault.dir);
  coreDailyNotes(app, { folder: "Daily", format: "YYYY-MM-DD", template: "Templates/Daily" });
  const { plugin } = await startPlugin(current.vault, app);
  current.stop = () => stopPlugin(app, plugin);
  await app.runCommand__("bitacora:open-todays-log");
  const today = new Date();
  const name = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
  expect(app.workspace.getActiveFile()?.path).toBe(`Daily/${name}.md`);
  expect(current.vault.readText(`Daily/${name}.md`)).toBe(`# ${name}\n\n## Notas\n`);
});
