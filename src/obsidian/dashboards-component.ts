import { Component, Notice, TFile, type App, type TAbstractFile } from "obsidian";
import type { Clock, VaultPort } from "../core/ports";
import type { IndexStore } from "../core/dashboards/log-note-index";
import { DashboardUpdater } from "../core/service/dashboard-updater";
import type { BitacoraSettings } from "../core/settings/settings";
import { readDailyNoteConfig } from "./daily-note-locator";
import { ObsidianLogNoteSource } from "./log-note-source";

/**
 * Keeps the Sprint and Deployments notes current: a quiet refresh once the layout is ready (no
 * note created, none written unless its text changed; only log notes changed since this device's
 * persisted index are read), then a debounced refresh whenever a note changes (the queue's own
 * entry writes included), which creates the dashboards once entries exist.
 */
export class DashboardsComponent extends Component {
  readonly updater: DashboardUpdater;

  constructor(
    private readonly app: App,
    vault: VaultPort,
    private readonly settings: () => BitacoraSettings,
    clock: Clock,
    index: { store: IndexStore; build: string },
  ) {
    super();
    this.updater = new DashboardUpdater(vault, settings, clock, {
      debounceMs: 2000,
      dailyNotesFolder: () => readDailyNoteConfig(app).folder,
      notes: new ObsidianLogNoteSource(app),
      store: index.store,
      indexBuild: index.build,
    });
  }

  override onload(): void {
    this.app.workspace.onLayoutReady(() => {
      void this.refreshAtStartup();
      const changed = (file: TAbstractFile) => {
        if (file instanceof TFile && file.extension === "md" && !this.isDashboard(file.path)) this.updater.noteChanged(file.path);
      };
      this.registerEvent(this.app.vault.on("modify", changed));
      this.registerEvent(this.app.vault.on("create", changed));
      this.registerEvent(this.app.vault.on("delete", changed));
      this.registerEvent(
        this.app.vault.on("rename", (file, oldPath) => {
          changed(file);
          if (!this.isDashboard(oldPath)) this.updater.noteChanged(oldPath);
        }),
      );
    });
    this.register(() => this.updater.dispose());
  }

  /** Start-up: refresh the dashboards that exist, create none, write only what changed. */
  private async refreshAtStartup(): Promise<void> {
    try {
      await this.updater.rebuild("never");
    } catch (error) {
      console.warn("Bitácora could not refresh the dashboards", error);
    }
  }

  /** "Update dashboards": rebuild now (creating the enabled dashboards) and say so. */
  async rebuild(): Promise<void> {
    try {
      await this.updater.rebuild("always");
      new Notice("Bitácora: dashboards updated.");
    } catch (error) {
      new Notice(`Bitácora could not update the dashboards: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private isDashboard(path: string): boolean {
    const settings = this.settings();
    return path === settings.sprintDashboardPath || path === settings.deploymentDashboardPath;
  }
}
