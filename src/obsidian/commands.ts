import { Notice, TFile, type Menu, type Plugin, type TAbstractFile } from "obsidian";
import type { BitacoraSettings } from "../core/settings/settings";
import { fileNameOf, mediaKindOf } from "../core/media";
import { convertLogNoteFile } from "./convert-log-note";
import { EntryStylePicker } from "./entry-style-picker";
import { MediaFilePicker } from "./media-picker";
import type { EnqueueResult, QueueControls } from "./queue-controls";

/** Tells the user what happened when they asked for a file to be processed. */
function reportEnqueue(path: string, result: EnqueueResult): void {
  const name = fileNameOf(path);
  if (result === "queued") new Notice(`Bitácora: ${name} is in the queue.`);
  else if (result === "already-processed") new Notice(`Bitácora: ${name} was already processed. Use "Reprocess attachment" to process it again.`);
  else new Notice(`Bitácora: ${name} is not a recording or photo Bitácora can process.`);
}

/** What the commands need from the plugin (a narrow view, so commands.ts does not import main.ts). */
export interface CommandHost extends Pick<Plugin, "app" | "addCommand" | "registerEvent"> {
  readonly bitacoraSettings: BitacoraSettings;
  openTodayLog(): Promise<void>;
  showQueue(): Promise<void>;
  updateDashboards(): Promise<void>;
  downloadWhisperModel(): void;
  downloadOcrLanguages(): Promise<void>;
  downloadCaptioner(): Promise<void>;
  timeWhisperModels(): Promise<void>;
}

/**
 * Command palette entries and the file-menu item. Ids carry no plugin id (Obsidian prefixes
 * it) and there are no default hotkeys: users pick their own.
 */
export function registerCommands(plugin: CommandHost, queue: QueueControls): void {
  const { app } = plugin;
  const extensions = () => plugin.bitacoraSettings.extensions;
  const activeMedia = (): TFile | null => {
    const file = app.workspace.getActiveFile();
    return file && mediaKindOf(file.path, extensions()) ? file : null;
  };
  const process = async (file: TFile, force: boolean) => {
    try {
      reportEnqueue(file.path, await queue.enqueue(file.path, { force }));
    } catch (error) {
      new Notice(`Bitácora could not queue ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const activeOrPicked = (force: boolean) => {
    const active = activeMedia();
    if (active) void process(active, force);
    else new MediaFilePicker(app, extensions(), (file) => void process(file, force)).open();
  };

  plugin.addCommand({ id: "process-attachment", name: "Process attachment", callback: () => activeOrPicked(false) });
  plugin.addCommand({ id: "reprocess-attachment", name: "Reprocess attachment", callback: () => activeOrPicked(true) });
  plugin.addCommand({
    id: "process-all-unprocessed",
    name: "Process all unprocessed attachments",
    callback: async () => {
      const count = await queue.processAllUnprocessed();
      new Notice(count > 0 ? `Bitácora: ${count} attachments added to the queue.` : "Bitácora: every attachment is already processed.");
    },
  });
  plugin.addCommand({
    id: "convert-log-note-style",
    name: "Convert log note to entry style…",
    checkCallback: (checking) => {
      const file = app.workspace.getActiveFile();
      if (!file || file.extension !== "md") return false;
      if (!checking) new EntryStylePicker(app, (style) => void convertLogNoteFile(plugin, file, style)).open();
      return true;
    },
  });
  plugin.addCommand({ id: "open-todays-log", name: "Open today's log", callback: () => plugin.openTodayLog() });
  plugin.addCommand({ id: "show-queue", name: "Show queue", callback: () => plugin.showQueue() });
  plugin.addCommand({ id: "update-dashboards", name: "Update dashboards", callback: () => plugin.updateDashboards() });
  plugin.addCommand({ id: "download-whisper-model", name: "Download Whisper model", callback: () => plugin.downloadWhisperModel() });
  plugin.addCommand({ id: "download-ocr-languages", name: "Download OCR language data", callback: () => void plugin.downloadOcrLanguages() });
  plugin.addCommand({ id: "download-photo-captioner", name: "Download photo captioning model", callback: () => plugin.downloadCaptioner() });
  plugin.addCommand({ id: "which-model", name: "Which model for my machine?", callback: () => void plugin.timeWhisperModels() });
  plugin.addCommand({
    id: "toggle-watching",
    name: "Pause or resume processing",
    callback: () => {
      if (queue.paused) queue.resume();
      else queue.pause();
      new Notice(
        queue.paused
          ? "Bitácora paused processing: new attachments are still noticed and wait in the queue until you resume."
          : "Bitácora resumed processing the queue.",
      );
    },
  });

  plugin.registerEvent(
    app.workspace.on("file-menu", (menu: Menu, file: TAbstractFile) => {
      if (!(file instanceof TFile) || !mediaKindOf(file.path, extensions())) return;
      menu.addItem((item) =>
        item
          .setTitle("Process with Bitácora")
          .setIcon("audio-file")
          .onClick(() => process(file, false)),
      );
    }),
  );
}
