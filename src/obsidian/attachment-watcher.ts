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
  constructor(
    private readonly app: App,
    private readonly sink: FileEventSink,
    private readonly settings: () => BitacoraSettings,
  ) {
    super();
  }

  override onload(): void {
    this.app.workspace.onLayoutReady(() => this.subscribe());
  }

  private subscribe(): void {
    const { vault } = this.app;
    this.registerEvent(vault.on("create", (file) => this.ifWatched(file, () => this.sink.fileCreated(file.path))));
    this.registerEvent(vault.on("modify", (file) => this.ifWatched(file, () => this.sink.fileModified(file.path))));
    this.registerEvent(vault.on("delete", (file) => this.ifWatched(file, () => this.sink.fileDeleted(file.path))));
    this.registerEvent(
      vault.on("rename", (file, oldPath) => {
        if (!(file instanceof TFile) || !this.settings().watchEnabled) return;
        const nowWatched = this.watches(file.path);
        const wasWatched = this.watches(oldPath);
        // Moved into a watched folder: new to us. Renamed or moved out: the file still exists,
        // so its job and entry follow it rather than being reported as deleted.
        if (wasWatched) this.sink.fileRenamed(file.path, oldPath);
        else if (nowWatched) this.sink.fileCreated(file.path);
      }),
    );
  }

  private watches(path: string): boolean {
    // Paths under a dot folder (the vault's .obsidian config, plugin caches) are never watched.
    return watchedMediaKind(path, this.settings()) !== null;
  }

  private ifWatched(file: TAbstractFile, forward: () => void): void {
    if (file instanceof TFile && this.settings().watchEnabled && this.watches(file.path)) forward();
  }
}
