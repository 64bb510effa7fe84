import { Component, Notice, TFile, type App, type TAbstractFile } from "obsidian";
import type { Clock, VaultPort } from "../core/ports";
import { DashboardUpdater } from "../core/service/dashboard-updater";
import type { BitacoraSettings } from "../core/settings/settings";
import { readDailyNoteConfig } from "./daily-note-locator";

/**
 * Keeps the Sprint and Deployments notes current: a full rebuild once the layout is ready, then
 * a debounced refresh whenever a note changes (the queue's own entry writes included).
 */
export class DashboardsComponent extends Component {
  readonly updater: DashboardUpdater;

  constructor(
    private readonly app: App,
    vault: VaultPort,
    private readonly settings: () => BitacoraSettings,
    clock: Clock,
  ) {
    super();
    this.updater = new DashboardUpdater(vault, settings, clock, 2000, () => readDailyNoteConfig(app).folder);
  }

  override onload(): void {
    this.app.workspace.onLayoutReady(() => {
      void this.rebuild(false);
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

  /** "Update dashboards": rebuild now and say so. */
  async rebuild(tell = true): Promise<void> {
    try {
      await this.updater.rebuild();
      if (tell) new Notice("Bitácora: dashboards updated.");
    } catch (error) {
      new Notice(`Bitácora could not update the dashboards: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private isDashboard(path: string): boolean {
    const settings = this.settings();
    return path === settings.sprintDashboardPath || path === settings.deploymentDashboardPath;
  }
}
