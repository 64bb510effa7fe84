import { DashboardRenderer, DEFAULT_DASHBOARD_SETTINGS, type DashboardSettings } from "../dashboards";
import { parseLogNote } from "../log/parse-log-note";
import type { Clock, VaultPort } from "../ports";
import type { BitacoraSettings } from "../settings/settings";

/** Log folder for Dataview's FROM: the log folder, or the daily notes folder in daily-note mode. */
export function dashboardSettingsFrom(settings: BitacoraSettings, dailyNotesFolder = ""): DashboardSettings {
  return {
    ...DEFAULT_DASHBOARD_SETTINGS,
    sprintLengthDays: settings.sprintLengthDays,
    sprintFirstDay: settings.sprintFirstDay,
    logFolder: settings.logMode === "daily-note" ? dailyNotesFolder : settings.logFolder,
    language: settings.logLanguage,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/**
 * Keeps the Sprint and Deployments notes current. A full rebuild reads every note with entries;
 * after that only the note that changed is parsed again, and writes are debounced.
 */
export class DashboardUpdater {
  private renderer: DashboardRenderer | null = null;
  private readonly dirty = new Set<string>();
  /** Aborts the pending debounce sleep when another change restarts the quiet period. */
  private quiet: AbortController | null = null;
  /** The refresh the last change scheduled (settles at once if it was superseded or disposed). */
  private scheduled: Promise<void> = Promise.resolve();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly vault: VaultPort,
    private readonly settings: () => BitacoraSettings,
    private readonly clock: Clock,
    private readonly debounceMs = 1500,
    private readonly dailyNotesFolder: () => string = () => "",
  ) {}

  /** Re-reads every log note and rewrites both dashboards ("Update dashboards"). */
  rebuild(): Promise<void> {
    this.running = this.running.catch(() => undefined).then(() => this.rebuildNow());
    return this.running;
  }

  /** A log note changed: refresh after a quiet period, so a burst of edits costs one write. */
  noteChanged(notePath: string): void {
    this.dirty.add(notePath);
    this.quiet?.abort();
    const quiet = (this.quiet = new AbortController());
    this.scheduled = this.clock.sleep(this.debounceMs, quiet.signal).then(
      () => {
        this.quiet = null;
        return this.flush();
      },
      () => undefined,
    );
  }

  /** Applies pending note changes now (used by the debounce and by tests/CLI). */
  flush(): Promise<void> {
    this.running = this.running.catch(() => undefined).then(async () => {
      if (!this.renderer) return this.rebuildNow();
      const paths = [...this.dirty];
      this.dirty.clear();
      for (const path of paths) await this.readNote(this.renderer, path);
      await this.write(this.renderer);
    });
    return this.running;
  }

  /** Resolves once the scheduled refresh (if its quiet period has passed) and any running one are written. */
  async settled(): Promise<void> {
    await this.scheduled;
    await this.running.catch(() => undefined);
  }

  dispose(): void {
    this.quiet?.abort();
  }

  private async rebuildNow(): Promise<void> {
    const settings = this.settings();
    const renderer = new DashboardRenderer(dashboardSettingsFrom(settings, this.dailyNotesFolder()));
    const skip = new Set([settings.sprintDashboardPath, settings.deploymentDashboardPath]);
    for (const path of await this.vault.listFiles()) {
      if (path.endsWith(".md") && !skip.has(path)) await this.readNote(renderer, path);
    }
    this.dirty.clear();
    this.renderer = renderer;
    await this.write(renderer);
  }

  private async readNote(renderer: DashboardRenderer, path: string): Promise<void> {
    const text = await this.vault.readText(path);
    // Cheap test first: most notes in a vault are not logs (every entry of either style has a `key::` field).
    if (text === null || !text.includes("::")) return renderer.removeNote(path);
    renderer.setNote(path, parseLogNote(text).entries.map((parsed) => parsed.entry));
  }

  private async write(renderer: DashboardRenderer): Promise<void> {
    const settings = this.settings();
    const today = isoDay(this.clock.now());
    const targets = { sprint: settings.sprintDashboardPath, deployments: settings.deploymentDashboardPath } as const;
    for (const key of ["sprint", "deployments"] as const) {
      const path = targets[key];
      await this.vault.processText(path, (text) => renderer.render({ [key]: text }, today)[key], "");
    }
  }
}
