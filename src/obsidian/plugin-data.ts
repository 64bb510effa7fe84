import type { Plugin } from "obsidian";
import type { Clock, StatePort } from "../core/ports";
import { mergeLedgers, restoreState, type LedgerRecord } from "../core/queue/ledger";
import type { BitacoraSettings } from "../core/settings/settings";
import { migrateSettings } from "../core/settings/migrate-settings";

/**
 * data.json travels to every device (Obsidian Sync, iCloud, Syncthing, git), so it holds only
 * what is shared: the settings and the content ledger that stops two devices processing the same
 * attachment. The queue, job history, pause flag and first-run baseline are this device's own and
 * live in its local storage, so a processed job does not rewrite data.json.
 */
interface PluginData {
  settings: BitacoraSettings;
  ledger: Record<string, LedgerRecord>;
}

const QUEUE_STORAGE_KEY = "bitacora-queue-state";
/** Ledger changes reach data.json at most this often: twenty attachments in a row cost one write. */
export const LEDGER_BATCH_MS = 30_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const quiet = () => undefined;
/** Same records whatever their key order (a merge may reorder keys without changing anything). */
function sameLedger(a: Record<string, LedgerRecord>, b: Record<string, LedgerRecord>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && JSON.stringify(a[key]) === JSON.stringify(b[key]));
}
const ledgerOf = (raw: unknown) => restoreState({ ledger: raw }, quiet).ledger;

export class PluginDataStore {
  private data: PluginData = { settings: migrateSettings(undefined).settings, ledger: {} };
  /** The ledger as this device knows it (kept locally at once; data.json gets it in batches). */
  private ledger: Record<string, LedgerRecord> = {};
  private ledgerPending = false;
  private batch: AbortController | null = null;
  /** When the pending batch is due (clock ms) and the write it will start. */
  private batchDue = 0;
  private batchWrite: Promise<void> = Promise.resolve();
  /** Writes are chained so a settings save and a ledger save never interleave. */
  private writing: Promise<void> = Promise.resolve();
  /** data.json of an older version held the whole queue under `queue`; moved out on load. */
  private legacyQueue: Record<string, unknown> | null = null;

  constructor(
    private readonly plugin: Plugin,
    private readonly clock: Clock,
  ) {}

  async load(): Promise<void> {
    const raw: unknown = await this.plugin.loadData();
    const { settings, migrated } = migrateSettings(raw);
    this.legacyQueue = isRecord(raw) && isRecord(raw.queue) ? raw.queue : null;
    const synced = ledgerOf(isRecord(raw) ? raw.ledger ?? this.legacyQueue?.ledger : undefined);
    this.data = { settings, ledger: synced };
    const local = this.plugin.app.loadLocalStorage(QUEUE_STORAGE_KEY) as unknown;
    // The old queue moves to this device before data.json is rewritten without it.
    if (this.legacyQueue && !isRecord(local)) this.plugin.app.saveLocalStorage(QUEUE_STORAGE_KEY, this.legacyQueue);
    // An older or hand-damaged data.json is rewritten once, in the current shape.
    if ((migrated || this.legacyQueue) && raw !== null && raw !== undefined) await this.persist();
  }

  /** Re-reads data.json (another device synced it) and returns its ledger, to merge into ours. */
  async reloadSettings(): Promise<{ ledger: Record<string, LedgerRecord> } | undefined> {
    const raw: unknown = await this.plugin.loadData();
    if (!isRecord(raw)) return undefined;
    if (isRecord(raw.settings)) this.data.settings = migrateSettings(raw).settings;
    // A device still on an older version keeps its ledger inside `queue`.
    const legacy = isRecord(raw.queue) ? ledgerOf(raw.queue.ledger) : {};
    const ledger = mergeLedgers(ledgerOf(raw.ledger), legacy);
    this.data.ledger = mergeLedgers(this.data.ledger, ledger);
    return { ledger };
  }

  get settings(): BitacoraSettings {
    return this.data.settings;
  }

  async updateSettings(change: Partial<BitacoraSettings>): Promise<void> {
    this.data.settings = migrateSettings({ ...this.data.settings, ...change }).settings;
    await this.persist();
  }

  /** The queue service's StatePort: device-local queue plus the synced ledger. */
  readonly queueState: StatePort = {
    load: async () => {
      const local = this.plugin.app.loadLocalStorage(QUEUE_STORAGE_KEY) as unknown;
      const own = isRecord(local) ? local : {};
      this.ledger = mergeLedgers(ledgerOf(own.ledger), this.data.ledger);
      return { ...own, ledger: this.ledger };
    },
    save: async (state: unknown) => {
      if (!isRecord(state)) return;
      this.plugin.app.saveLocalStorage(QUEUE_STORAGE_KEY, state);
      const ledger = ledgerOf(state.ledger);
      if (sameLedger(ledger, this.ledger)) return;
      this.ledger = ledger;
      this.scheduleLedgerWrite();
    },
  };

  /** Writes a pending ledger change now (on unload, so a quit does not wait for the batch). */
  async flushLedger(): Promise<void> {
    this.batch?.abort();
    this.batch = null;
    if (!this.ledgerPending) return this.writing;
    this.ledgerPending = false;
    this.writing = this.writing.catch(quiet).then(async () => {
      // Merge with what is on disk now: another device may have synced its own records meanwhile.
      const raw: unknown = await this.plugin.loadData();
      const onDisk = isRecord(raw) ? ledgerOf(raw.ledger) : {};
      this.data.ledger = mergeLedgers(mergeLedgers(this.data.ledger, this.ledger), onDisk);
      await this.plugin.saveData(this.snapshot());
    });
    return this.writing;
  }

  dispose(): void {
    this.flushLedger().catch((error) => console.warn("Bitácora could not save the processed-attachments list", error));
  }

  /** Resolves once every write started so far, and a batch whose time has come, has landed (a batch not yet due is not forced). */
  async settled(): Promise<void> {
    if (this.batch && this.clock.now().getTime() >= this.batchDue) await this.batchWrite;
    return this.writing.catch(quiet);
  }

  private scheduleLedgerWrite(): void {
    this.ledgerPending = true;
    if (this.batch) return;
    const batch = (this.batch = new AbortController());
    this.batchDue = this.clock.now().getTime() + LEDGER_BATCH_MS;
    this.batchWrite = this.clock.sleep(LEDGER_BATCH_MS, batch.signal).then(
      () => (this.batch === batch ? this.flushLedger() : undefined),
      quiet,
    );
  }

  private snapshot(): PluginData {
    return JSON.parse(JSON.stringify({ settings: this.data.settings, ledger: this.data.ledger })) as PluginData;
  }

  private persist(): Promise<void> {
    const snapshot = this.snapshot();
    this.writing = this.writing.catch(quiet).then(() => this.plugin.saveData(snapshot));
    return this.writing;
  }
}
