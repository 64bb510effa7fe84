import nodePath from "node:path";
import { FileSystemAdapter, Plugin } from "obsidian";
import type { Clock } from "../core/ports";
import type { BitacoraSettings } from "../core/settings/settings";
import { AttachmentWatcher } from "./attachment-watcher";
import { registerCommands } from "./commands";
import { DeviceSettingsStore } from "../core/settings/device-settings";
import { obsidianLocalStorage } from "./local-storage";
import { PluginDataStore } from "./plugin-data";
import type { BitacoraService } from "../core/service/bitacora-service";
import { QUEUE_VIEW_TYPE, QueueView } from "./queue-view";
import { ServiceHost } from "./service-host";
import { BitacoraSettingTab } from "./settings-tab";
import { DashboardsComponent } from "./dashboards-component";
import { dashboardIndexFile, JsonFileIndexStore } from "./dashboard-index-store";
import { ModelDownloader } from "./model-download";
import { ObsidianVaultPort } from "./vault-port";
import { nodeClock } from "../engines/system/node-clock";
import { QueueStatusBar } from "./status-bar";
import { openTodayLog, revealQueueView } from "./workspace-actions";
import { chooseEngineLaunch, type ChosenLaunch } from "./engine-launch";
import type { ParentDecoderPort } from "../engines/audio/wav-decoder-port";
import { engineCacheRoot } from "../engines/payload/cache-root";
import { RendererWavDecoder } from "./renderer-decode/renderer-wav-decoder";
import { WhichModelCommand } from "./which-model";

/** Only wires the services together; each long-lived one is a child Component. */
export default class BitacoraPlugin extends Plugin {
  private data!: PluginDataStore;
  private host!: ServiceHost;
  private dashboards!: DashboardsComponent;
  private models!: ModelDownloader;
  private whichModel!: WhichModelCommand;

  get bitacoraSettings(): BitacoraSettings {
    return this.data.settings;
  }

  override async onload(): Promise<void> {
    this.data = new PluginDataStore(this, this.clock());
    await this.data.load();
    // A ledger change still waiting for its batch is written when the plugin stops.
    this.register(() => this.data.dispose());
    const device = new DeviceSettingsStore(obsidianLocalStorage(this.app));
    device.load();

    this.host = this.addChild(new ServiceHost(this.app, this.data, device, this.engineLaunch(), this.rendererDecoder()));
    const queue = this.host.service;
    this.addChild(new AttachmentWatcher(this.app, queue, () => this.bitacoraSettings, this.host.started, () => device.settings.processOnThisDevice));
    this.registerView(QUEUE_VIEW_TYPE, (leaf) => new QueueView(leaf, queue));
    this.addChild(new QueueStatusBar(this, queue, () => void this.showQueue()));
    this.models = new ModelDownloader(this.app, this.host.downloads, device);
    this.whichModel = new WhichModelCommand(this.app, this.host.engine, device, { mainJs: nodePath.join(this.pluginDir(), "main.js"), cacheRoot: engineCacheRoot() });
    this.register(() => this.whichModel.cancel());
    this.addSettingTab(
      new BitacoraSettingTab(this.app, this, this.data, device, () => this.downloadWhisperModel(), () => void this.downloadCaptioner(), () => this.host.describeEngines(), this.models),
    );
    this.addRibbonIcon("list-checks", "Show Bitácora queue", () => void this.showQueue());
    const dashboardIndex = { store: new JsonFileIndexStore(this.dashboardIndexFile()), build: this.manifest.version };
    this.dashboards = this.addChild(new DashboardsComponent(this.app, new ObsidianVaultPort(this.app), () => this.bitacoraSettings, this.clock(), dashboardIndex));
    registerCommands(this, queue);
  }

  /** The clock of the dashboards' debounce and the ledger's batches (a test drives its own). */
  protected clock(): Clock {
    return nodeClock;
  }

  /** This device's index of the log folder, outside the vault (a test keeps it in its own folder). */
  protected dashboardIndexFile(): string {
    const adapter = this.app.vault.adapter;
    return dashboardIndexFile(adapter instanceof FileSystemAdapter ? adapter.getBasePath() : this.app.vault.getName());
  }

  updateDashboards(): Promise<void> {
    return this.dashboards.rebuild();
  }

  downloadWhisperModel(): void {
    this.models.choose();
  }

  /** Times the installed Whisper models on the bundled clip and recommends one. */
  timeWhisperModels(): Promise<void> {
    return this.whichModel.run();
  }

  downloadOcrLanguages(): Promise<void> {
    return this.models.downloadOcrLanguages();
  }

  downloadCaptioner(): Promise<void> {
    return this.models.downloadCaptioner(() => this.data.updateSettings({ captioner: "onnx" }));
  }

  /** Another device synced data.json: take its settings and learn what it processed; keep our own jobs. */
  override async onExternalSettingsChange(): Promise<void> {
    const otherQueue = await this.data.reloadSettings();
    if (otherQueue) this.host.service.mergeExternalState(otherQueue);
  }

  /** Resolves once startup, the queue and due dashboard refreshes have nothing left to do (tests and other plugins wait on it). */
  async settled(): Promise<void> {
    await this.host.startupDone;
    await this.host.service.idle();
    await this.dashboards.updater.settled();
    await this.data.settled();
  }

  /** The queue service (commands, views and tests drive it; other plugins may too). */
  get queue(): BitacoraService {
    return this.host.service;
  }

  showQueue(): Promise<void> {
    return revealQueueView(this.app);
  }

  openTodayLog(): Promise<void> {
    return openTodayLog(this.app, this.host.service);
  }

  /**
   * Decodes for the built-in engine host what its WebAssembly codecs cannot (AAC, Ogg Vorbis):
   * WebCodecs in a worker of this renderer, written as WAVs into the engine cache (deleted after
   * each job). The host falls back to the user's ffmpeg when this fails.
   */
  protected rendererDecoder(): ParentDecoderPort {
    return new RendererWavDecoder(nodePath.join(engineCacheRoot(), "decoded"));
  }

  /** The engine host embedded in main.js, or the native pack the user unpacked into the plugin folder. */
  protected engineLaunch(): ChosenLaunch {
    return chooseEngineLaunch(this.pluginDir(), this.manifest.version);
  }

  private pluginDir(): string {
    const adapter = this.app.vault.adapter;
    const base = adapter instanceof FileSystemAdapter ? adapter.getBasePath() : "";
    return nodePath.join(base, this.manifest.dir ?? "");
  }
}
