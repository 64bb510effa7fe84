import type { Plugin } from "obsidian";
import type { StatePort } from "../core/ports";
import type { BitacoraSettings } from "../core/settings/settings";
import { migrateSettings } from "../core/settings/migrate-settings";

/** data.json: synced settings and the persisted queue/ledger. Device-local values never go here. */
interface PluginData {
  settings: BitacoraSettings;
  queue: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export class PluginDataStore {
  private data: PluginData = { settings: migrateSettings(undefined).settings, queue: null };
  /** Writes are chained so a settings save and a queue save never interleave. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly plugin: Plugin) {}

  async load(): Promise<void> {
    const raw: unknown = await this.plugin.loadData();
    const { settings, migrated } = migrateSettings(raw);
    this.data = { settings, queue: isRecord(raw) ? raw.queue ?? null : null };
    // An older or hand-damaged data.json is rewritten once, in the current shape.
    if (migrated && raw !== null && raw !== undefined) await this.persist();
  }

  /**
   * Re-reads the settings (another device synced data.json); our queue state stays. Returns the
   * other device's queue state so its ledger can be merged into ours.
   */
  async reloadSettings(): Promise<unknown> {
    const raw: unknown = await this.plugin.loadData();
    if (isRecord(raw) && isRecord(raw.settings)) this.data.settings = migrateSettings(raw).settings;
    return isRecord(raw) ? raw.queue : undefined;
  }

  get settings(): BitacoraSettings {
    return this.data.settings;
  }

  async updateSettings(change: Partial<BitacoraSettings>): Promise<void> {
    this.data.settings = migrateSettings({ ...this.data.settings, ...change }).settings;
    await this.persist();
  }

  /** The queue service's StatePort, stored under `queue` in the same data.json. */
  readonly queueState: StatePort = {
    load: async () => this.data.queue,
    save: async (state: unknown) => {
      this.data.queue = state;
      await this.persist();
    },
  };

  private persist(): Promise<void> {
    const snapshot = JSON.parse(JSON.stringify(this.data)) as PluginData;
    this.writing = this.writing.catch(() => undefined).then(() => this.plugin.saveData(snapshot));
    return this.writing;
  }
}
