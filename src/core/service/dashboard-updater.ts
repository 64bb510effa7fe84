import { DashboardRenderer, DEFAULT_DASHBOARD_SETTINGS, replaceGeneratedSection, type DashboardSettings } from "../dashboards";
import { LogNoteIndex, type IndexStore, type LogNoteSource, type NoteStamp } from "../dashboards/log-note-index";
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

/** This device's dashboard index is saved at most this often (and when the plugin stops); a lost save only means re-reading the notes changed since. */
export const INDEX_SAVE_MS = 30_000;

/** Whether `path` lies in `folder` ("" is the whole vault). */
function inFolder(path: string, folder: string): boolean {
  const prefix = folder.replace(/^\/+|\/+$/g, "");
  return prefix === "" || path.startsWith(`${prefix}/`);
}

/** Log notes through the VaultPort (CLI, tests): every path listed, each note stat-ed on disk. */
export function vaultNoteSource(vault: VaultPort): LogNoteSource {
  const stamp = async (path: string): Promise<NoteStamp | null> => {
    const stat = await vault.stat(path);
    return stat && { path, mtime: stat.mtime, size: stat.size };
  };
  return {
    list: async (folder) => {
      const stamps = await Promise.all((await vault.listFiles()).filter((path) => path.endsWith(".md") && inFolder(path, folder)).map(stamp));
      return stamps.filter((s): s is NoteStamp => s !== null);
    },
    stamp,
    read: (path) => vault.readText(path),
  };
}

export interface DashboardUpdaterOptions {
  debounceMs?: number;
  dailyNotesFolder?: () => string;
  /** Where log notes are listed and read (default: through the VaultPort). */
  notes?: LogNoteSource;
  /** This device's persisted index, so a start-up reads only notes changed since (default: none). */
  store?: IndexStore;
  /** The plugin version: an index another version wrote is not trusted. */
  indexBuild?: string;
}

/**
 * Keeps the Sprint and Deployments notes current. The first refresh restores this device's index
 * of the log folder and reads only notes whose time or size changed; after that only a note that
 * changed is parsed again, and writes are debounced. A dashboard is written only when its text
 * would change, and created only on request or once entries exist.
 */
export class DashboardUpdater {
  private renderer: DashboardRenderer | null = null;
  private index: LogNoteIndex | null = null;
  private readonly dirty = new Set<string>();
  /** Aborts the pending debounce sleep when another change restarts the quiet period. */
  private quiet: AbortController | null = null;
  /** When the pending quiet period ends (clock ms). */
  private quietUntil = 0;
  /** The refresh the last change scheduled (settles at once if it was superseded or disposed). */
  private scheduled: Promise<void> = Promise.resolve();
  private running: Promise<void> = Promise.resolve();
  /** The index reaches this device's disk in batches: saving it costs a serialisation of every note's facts. */
  private indexBatch: AbortController | null = null;
  private indexDue = 0;
  private indexBatchDone: Promise<void> = Promise.resolve();
  private saving: Promise<void> = Promise.resolve();
  private readonly debounceMs: number;
  private readonly dailyNotesFolder: () => string;
  private readonly notes: LogNoteSource;
  private readonly store: IndexStore | undefined;
  private readonly indexBuild: string;

  constructor(
    private readonly vault: VaultPort,
    private readonly settings: () => BitacoraSettings,
    private readonly clock: Clock,
    options: DashboardUpdaterOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 1500;
    this.dailyNotesFolder = options.dailyNotesFolder ?? (() => "");
    this.notes = options.notes ?? vaultNoteSource(vault);
    this.store = options.store;
    this.indexBuild = options.indexBuild ?? "";
  }

  /** Brings the dashboards up to date with the log folder; "Update dashboards" ("always") re-reads every log note and creates them. */
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
      const renderer = this.renderer;
      const index = this.index;
      if (!renderer || !index) return this.rebuildNow("with-entries");
      const paths = [...this.dirty];
      this.dirty.clear();
      const folder = this.logFolder();
      for (const path of paths) {
        const stamp = inFolder(path, folder) && !this.isDashboard(path) ? await this.notes.stamp(path) : null;
        const text = stamp && (await this.notes.read(path));
        if (stamp && text !== null) renderer.setNoteFacts(path, index.set(stamp, text));
        else {
          index.remove(path);
          renderer.removeNote(path);
        }
      }
      this.scheduleIndexSave();
      await this.write(renderer, "with-entries");
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
    if (this.indexBatch && this.clock.now().getTime() >= this.indexDue) await this.indexBatchDone;
    await this.saving;
  }

  /** Drops a pending refresh; an index change still waiting for its batch is saved now (the plugin stops). */
  dispose(): void {
    this.quiet?.abort();
    this.indexBatch?.abort();
    this.indexBatch = null;
    void this.saveIndexNow();
  }

  private logFolder(): string {
    return dashboardSettingsFrom(this.settings(), this.dailyNotesFolder()).logFolder;
  }

  private isDashboard(path: string): boolean {
    const settings = this.settings();
    return path === settings.sprintDashboardPath || path === settings.deploymentDashboardPath;
  }

  private async rebuildNow(create: CreateDashboards): Promise<void> {
    const dashboardSettings = dashboardSettingsFrom(this.settings(), this.dailyNotesFolder());
    const index = this.index ?? (await this.restoreIndex());
    // Only the log folder: the rest of the vault has no entries to count.
    const listed = (await this.notes.list(dashboardSettings.logFolder)).filter((stamp) => !this.isDashboard(stamp.path));
    await index.sync(listed, (path) => this.notes.read(path), create === "always");
    this.dirty.clear();
    const renderer = new DashboardRenderer(dashboardSettings);
    renderer.setNotesFacts(index.factsByNote());
    this.index = index;
    this.renderer = renderer;
    this.scheduleIndexSave();
    await this.write(renderer, create);
  }

  private async restoreIndex(): Promise<LogNoteIndex> {
    const index = new LogNoteIndex(this.indexBuild);
    if (!this.store) return index;
    try {
      index.restore(await this.store.load());
    } catch (error) {
      // A damaged or unreadable index costs one full read, nothing more.
      console.warn("Bitácora could not read its dashboard index; reading the log folder again", error);
    }
    index.changed = false;
    return index;
  }

  /** Saves the index after INDEX_SAVE_MS; a burst of changes costs one save. */
  private scheduleIndexSave(): void {
    if (!this.store || !this.index?.changed || this.indexBatch) return;
    const batch = (this.indexBatch = new AbortController());
    this.indexDue = this.clock.now().getTime() + INDEX_SAVE_MS;
    this.indexBatchDone = this.clock.sleep(INDEX_SAVE_MS, batch.signal).then(
      () => {
        if (this.indexBatch === batch) this.indexBatch = null;
        return this.saveIndexNow();
      },
      () => undefined,
    );
  }

  /** Saves this device's index only when it changed (an unchanged start-up writes nothing). */
  private saveIndexNow(): Promise<void> {
    const index = this.index;
    const store = this.store;
    if (!store || !index?.changed) return this.saving;
    index.changed = false;
    const snapshot = index.snapshot();
    this.saving = this.saving.then(() =>
      store.save(snapshot).catch((error: unknown) => {
        index.changed = true;
        console.warn("Bitácora could not save its dashboard index", error);
      }),
    );
    return this.saving;
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
