import { DashboardRenderer, DEFAULT_DASHBOARD_SETTINGS, replaceGeneratedSection, type DashboardSettings } from "../dashboards";
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

/**
 * When a missing dashboard note may be created: "always" on "Update dashboards", "with-entries"
 * once an entry has landed, "never" for the quiet refresh at start-up.
 */
export type CreateDashboards = "always" | "with-entries" | "never";

/** Whether `path` lies in `folder` ("" is the whole vault). */
function inFolder(path: string, folder: string): boolean {
  const prefix = folder.replace(/^\/+|\/+$/g, "");
  return prefix === "" || path.startsWith(`${prefix}/`);
}

/**
 * Keeps the Sprint and Deployments notes current. A full rebuild reads the log folder's notes;
 * after that only the note that changed is parsed again, and writes are debounced. A dashboard
 * is written only when its text would change, and created only on request or once entries exist.
 */
export class DashboardUpdater {
  private renderer: DashboardRenderer | null = null;
  private readonly dirty = new Set<string>();
  /** Aborts the pending debounce sleep when another change restarts the quiet period. */
  private quiet: AbortController | null = null;
  /** When the pending quiet period ends (clock ms). */
  private quietUntil = 0;
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

  /** Re-reads every log note and brings the dashboards up to date; "Update dashboards" creates them. */
  rebuild(create: CreateDashboards = "always"): Promise<void> {
    this.running = this.running.catch(() => undefined).then(() => this.rebuildNow(create));
    return this.running;
  }

  /** A log note changed: refresh after a quiet period, so a burst of edits costs one write. */
  noteChanged(notePath: string): void {
    this.dirty.add(notePath);
    this.quiet?.abort();
    const quiet = (this.quiet = new AbortController());
    this.quietUntil = this.clock.now().getTime() + this.debounceMs;
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
      if (!this.renderer) return this.rebuildNow("with-entries");
      const paths = [...this.dirty];
      this.dirty.clear();
      const folder = this.logFolder();
      for (const path of paths) {
        if (inFolder(path, folder)) await this.readNote(this.renderer, path);
        else this.renderer.removeNote(path);
      }
      await this.write(this.renderer, "with-entries");
    });
    return this.running;
  }

  /**
   * Resolves once the scheduled refresh (if its quiet period has passed on the clock) and any
   * running one are written. A quiet period still under way is not waited for: on a clock a test
   * drives it would never end, and its refresh is not due yet.
   */
  async settled(): Promise<void> {
    if (this.quiet && this.clock.now().getTime() >= this.quietUntil) await this.scheduled;
    await this.running.catch(() => undefined);
  }

  dispose(): void {
    this.quiet?.abort();
  }

  private logFolder(): string {
    return dashboardSettingsFrom(this.settings(), this.dailyNotesFolder()).logFolder;
  }

  private async rebuildNow(create: CreateDashboards): Promise<void> {
    const settings = this.settings();
    const dashboardSettings = dashboardSettingsFrom(settings, this.dailyNotesFolder());
    const renderer = new DashboardRenderer(dashboardSettings);
    const skip = new Set([settings.sprintDashboardPath, settings.deploymentDashboardPath]);
    // Only the log folder: the rest of the vault has no entries to count.
    for (const path of await this.vault.listFiles()) {
      if (path.endsWith(".md") && !skip.has(path) && inFolder(path, dashboardSettings.logFolder)) await this.readNote(renderer, path);
    }
    this.dirty.clear();
    this.renderer = renderer;
    await this.write(renderer, create);
  }

  private async readNote(renderer: DashboardRenderer, path: string): Promise<void> {
    const text = await this.vault.readText(path);
    // Cheap test first: most notes in a vault are not logs (every entry of either style has a `key::` field).
    if (text === null || !text.includes("::")) return renderer.removeNote(path);
    renderer.setNote(path, parseLogNote(text).entries.map((parsed) => parsed.entry));
  }

  /** Writes a dashboard only when its text changes: an unchanged note costs a sync client nothing. */
  private async write(renderer: DashboardRenderer, create: CreateDashboards): Promise<void> {
    const settings = this.settings();
    const targets = [
      { key: "sprint", path: settings.sprintDashboardPath, enabled: settings.sprintDashboardEnabled },
      { key: "deployments", path: settings.deploymentDashboardPath, enabled: settings.deploymentDashboardEnabled },
    ] as const;
    const mayCreate = create === "always" || (create === "with-entries" && renderer.hasEntries);
    const sections = renderer.renderSections();
    for (const { key, path, enabled } of targets) {
      if (!enabled) continue;
      const current = await this.vault.readText(path);
      if (current === null && !mayCreate) continue;
      if (current !== null && replaceGeneratedSection(current, sections[key]) === current) continue;
      await this.vault.processText(path, (text) => replaceGeneratedSection(text, sections[key]), "");
    }
  }
}
