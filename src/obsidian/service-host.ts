import { Component, Notice, type App } from "obsidian";
import { BitacoraService } from "../core/service/bitacora-service";
import { folderLocator, type LogNoteLocator } from "../core/service/entry-writer";
// The same Node clock and hasher as the CLI: the queue runs in Obsidian's Node context, not a (popout) window.
import { nodeClock } from "../engines/system/node-clock";
import { sha256FileHasher } from "../engines/system/file-hasher";
import { EngineClient } from "../engines/host/engine-client";
import { DailyNoteLocator } from "./daily-note-locator";
import type { ChosenLaunch } from "./engine-launch";
import { describeEngines } from "./engine-summary";
import { findWhisperCli } from "../engines/whisper/find-whisper-cli";
import type { DeviceSettingsStore } from "../core/settings/device-settings";
import type { PluginDataStore } from "./plugin-data";
import { topicNotesIn } from "./topic-notes";
import { ObsidianVaultPort } from "./vault-port";
import { languageModelRefiner } from "../core/llm/entry-refiner";
import { requestUrlPost } from "./request-url-post";
import { requestUrlTransport } from "./request-url-transport";
import type { ParentDecoderPort } from "../engines/audio/wav-decoder-port";

/**
 * Owns the queue service and the engine host child process. The service starts once the layout
 * is ready (the vault is indexed); unloading stops the queue and kills the engine processes.
 */
export class ServiceHost extends Component {
  readonly service: BitacoraService;
  readonly engine: EngineClient;
  /** Model downloads run in a process of their own: killing a stuck job's host must not fail a download. */
  readonly downloads: EngineClient;
  private unloaded = false;
  /** A whisper-cli the user installed, used by the built-in engines when none is set (looked up at start). */
  private foundWhisperCli: string | undefined;
  private markStarted: () => void = () => undefined;
  /** Settles once the queue has loaded its saved state (or failed to); events wait for it. */
  readonly started = new Promise<void>((resolve) => (this.markStarted = resolve));
  private markSettled: () => void = () => undefined;
  /** Settles once the whole startup (queue loaded, first-run flag saved, catch-up queued) is over. */
  readonly startupDone = new Promise<void>((resolve) => (this.markSettled = resolve));

  constructor(
    private readonly app: App,
    private readonly data: PluginDataStore,
    private readonly device: DeviceSettingsStore,
    /** How the engine host starts (Obsidian runs it with Electron as Node). */
    private readonly launch: ChosenLaunch,
    /** Decodes AAC and Vorbis for the built-in host: WebCodecs in this renderer (renderer-decode/). */
    decoder?: ParentDecoderPort,
  ) {
    super();
    // Without any engine the client still exists (jobs fail with the reason); the notice says why once.
    // The transcription server is reached through Obsidian's requestUrl (the host asks over IPC).
    this.engine = new EngineClient({ ...(launch.launch ?? { hostScript: "engine-host.js is missing" }), http: requestUrlTransport, decoder });
    this.downloads = new EngineClient(launch.launch ?? { hostScript: "engine-host.js is missing" });
    const settings = () => data.settings;
    const daily = new DailyNoteLocator(app);
    const folder = folderLocator(settings);
    // Re-read on every entry, so switching the log location in settings takes effect at once.
    const locator: LogNoteLocator = {
      locate: (date) => (settings().logMode === "daily-note" ? daily.locate(date) : folder.locate(date)),
    };
    this.service = new BitacoraService({
      vault: new ObsidianVaultPort(app),
      engine: this.engine,
      state: data.queueState,
      clock: nodeClock,
      hasher: sha256FileHasher,
      settings,
      // The native pack's addon is as fast as whisper-cli; the built-in WebAssembly is not.
      device: () => ({ ...device.settings, whisperCliPath: device.settings.whisperCliPath || this.foundWhisperCli || "" }),
      locator,
      topics: async () => topicNotesIn(app, settings()),
      // The service's messages already name Bitácora.
      notify: (message) => new Notice(message),
      // Without a model, recordings wait in the queue (one notice) until one is set or downloaded.
      waitForEngine: true,
      // Off by default: the refiner sends nothing unless the user turned the language model on.
      refineEntry: languageModelRefiner(requestUrlPost, nodeClock, () => device.settings.approvedServers),
    });
    device.onChange(() => this.service.engineAvailable());
  }

  override onload(): void {
    // Without the engine every job would fail the same way: say it once, plainly.
    if (this.launch.warning) new Notice(this.launch.warning, 0);
    this.app.workspace.onLayoutReady(() => {
      if (this.launch.engine === "built-in") this.foundWhisperCli = findWhisperCli();
      this.startQueue()
        .catch((error: unknown) => {
          new Notice(`Bitácora could not start its queue: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => this.markSettled());
    });
    this.register(() => {
      this.unloaded = true;
      void this.service.stop();
      this.engine.dispose();
      this.downloads.dispose();
    });
  }

  /** For the settings: the engines in use and the last recording's measured speed. */
  describeEngines(): string {
    const set = this.device.settings.whisperCliPath;
    const cli = set || this.foundWhisperCli;
    return describeEngines({ launch: this.launch, whisperCli: cli ? { path: cli, found: !set } : undefined, lastRecording: this.engine.lastRecording });
  }

  /**
   * Starts the queue, then catches up on attachments that arrived while Obsidian was closed
   * (the watcher only sees changes made while it runs). On the very first run, existing
   * attachments are either left alone (the service records them as a baseline) or processed.
   */
  private async startQueue(): Promise<void> {
    const settings = this.data.settings;
    const firstRun = !settings.firstRunDone;
    try {
      await this.service.start();
    } finally {
      this.markStarted();
    }
    // The plugin may have been disabled while the queue was starting.
    if (this.unloaded) return;
    if (firstRun) await this.data.updateSettings({ firstRunDone: true });
    const processHere = this.device.settings.processOnThisDevice;
    if (!this.unloaded && processHere && settings.watchEnabled && (!firstRun || settings.firstRun === "queue-existing")) {
      await this.service.processAllUnprocessed();
    }
  }
}
