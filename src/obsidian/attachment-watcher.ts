import { Component, TFile, type App, type TAbstractFile } from "obsidian";
import type { BitacoraSettings } from "../core/settings/settings";
import type { FileEventSink } from "./queue-controls";
import { watchedMediaKind } from "../core/service/attachment-filter";

/**
 * Forwards vault events for watched attachments to the queue service. It subscribes only once
 * the layout is ready: while Obsidian indexes the vault at startup it fires `create` for every
 * existing file, and those must not flood the queue.
 */
export class AttachmentWatcher extends Component {
  /** Events are handed over in order, and only once the queue has loaded its saved state. */
  private delivery: Promise<void>;

  constructor(
    private readonly app: App,
    private readonly sink: FileEventSink,
    private readonly settings: () => BitacoraSettings,
    queueStarted: Promise<void> = Promise.resolve(),
    /** Off on a device where another synced desktop does the processing (device-local). */
    private readonly processHere: () => boolean = () => true,
  ) {
    super();
    // A sync client often writes files right after startup, before the queue is loaded.
    this.delivery = queueStarted;
  }

  private deliver(forward: () => void): void {
    this.delivery = this.delivery.then(forward, forward);
  }

  override onload(): void {
    this.app.workspace.onLayoutReady(() => this.subscribe());
  }

  private subscribe(): void {
    const { vault } = this.app;
    // The path is read now: a later rename changes file.path before delivery.
    // New and changed attachments are left to the device that processes; renames and deletions
    // still move or mark the entries that exist.
    this.registerEvent(vault.on("create", (file) => this.processHere() && this.ifWatched(file, (path) => this.sink.fileCreated(path))));
    this.registerEvent(vault.on("modify", (file) => this.processHere() && this.ifWatched(file, (path) => this.sink.fileModified(path))));
    this.registerEvent(vault.on("delete", (file) => this.ifWatched(file, (path) => this.sink.fileDeleted(path))));
    this.registerEvent(
      vault.on("rename", (file, oldPath) => {
        if (!(file instanceof TFile) || !this.settings().watchEnabled) return;
        const nowWatched = this.watches(file.path);
        const wasWatched = this.watches(oldPath);
        // Moved into a watched folder: new to us. Renamed or moved out: the file still exists,
        // so its job and entry follow it rather than being reported as deleted.
        const path = file.path;
        if (wasWatched) this.deliver(() => this.sink.fileRenamed(path, oldPath));
        else if (nowWatched && this.processHere()) this.deliver(() => this.sink.fileCreated(path));
      }),
    );
  }

  private watches(path: string): boolean {
    // Paths under a dot folder (the vault's .obsidian config, plugin caches) are never watched.
    return watchedMediaKind(path, this.settings()) !== null;
  }

  private ifWatched(file: TAbstractFile, forward: (path: string) => void): void {
    const path = file.path;
    if (file instanceof TFile && this.settings().watchEnabled && this.watches(path)) this.deliver(() => forward(path));
  }
}
