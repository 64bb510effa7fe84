/** App and Plugin: data.json on disk in the plugin folder, commands, views, status bar, plugin registries. */
import fs from "node:fs/promises";
import nodePath from "node:path";
import { FakeElement } from "./dom";
import { Component } from "./events";
import { FileManager, MetadataCache, Workspace, type View, type WorkspaceLeaf } from "./workspace";
import { TFile, Vault } from "./vault";
import type { PluginSettingTab } from "./ui";

export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  description?: string;
  author?: string;
  isDesktopOnly?: boolean;
  dir?: string;
}

export interface Command {
  id: string;
  name: string;
  icon?: string;
  hotkeys?: unknown[];
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
  editorCallback?: (...args: unknown[]) => unknown;
}

interface InternalPlugin {
  enabled: boolean;
  instance: { options: Record<string, unknown> };
}

export class App {
  readonly vault: Vault;
  readonly workspace: Workspace;
  readonly metadataCache: MetadataCache;
  readonly fileManager: FileManager;
  readonly appId = "stand-in-app-id";
  /** Commands by full id (`pluginId:commandId`), as Obsidian registers them. */
  readonly commands__ = new Map<string, Command>();
  readonly settingTabs__: PluginSettingTab[] = [];
  readonly statusBar__ = new FakeElement("div");
  readonly ribbon__ = new FakeElement("div");
  /** Per-device, per-vault storage (Electron's localStorage); never part of the synced vault. */
  readonly localStorage__ = new Map<string, string>();
  readonly internalPlugins = {
    plugins: {} as Record<string, InternalPlugin>,
    getPluginById: (id: string): InternalPlugin | null => this.internalPlugins.plugins[id] ?? null,
    getEnabledPluginById: (id: string) => {
      const plugin = this.internalPlugins.plugins[id];
      return plugin?.enabled ? plugin.instance : null;
    },
  };
  readonly plugins = {
    plugins: {} as Record<string, unknown>,
    enabledPlugins: new Set<string>(),
    getPlugin: (id: string): unknown => (this.plugins.enabledPlugins.has(id) ? this.plugins.plugins[id] ?? null : null),
  };

  private readonly indexing = new Set<Promise<void>>();

  constructor(basePath: string) {
    this.vault = new Vault(basePath);
    this.workspace = new Workspace(this);
    this.metadataCache = new MetadataCache(this.vault);
    this.fileManager = new FileManager(this);
    // Obsidian re-indexes a note's metadata after every change to it.
    const reindex = (file: unknown) => {
      if (!(file instanceof TFile)) return;
      const indexing = this.metadataCache.index__(file);
      this.indexing.add(indexing);
      void indexing.finally(() => this.indexing.delete(indexing));
    };
    this.vault.on("create", reindex);
    this.vault.on("modify", reindex);
    this.vault.on("rename", (file: unknown, oldPath: string) => {
      this.metadataCache.forget__(oldPath);
      reindex(file);
    });
    this.vault.on("delete", (file: { path: string }) => this.metadataCache.forget__(file.path));
  }

  /** Test helper: resolves once every note change so far has been indexed (before a test removes the folder). */
  async indexed__(): Promise<void> {
    while (this.indexing.size > 0) await Promise.allSettled([...this.indexing]);
  }

  /** Test helper: an app over a folder, with every existing note's metadata indexed. */
  static async create__(basePath: string): Promise<App> {
    const app = new App(basePath);
    await Promise.all(app.vault.getMarkdownFiles().map((file) => app.metadataCache.index__(file)));
    return app;
  }

  loadLocalStorage(key: string): unknown {
    const raw = this.localStorage__.get(`${this.appId}-${key}`);
    return raw === undefined ? null : JSON.parse(raw);
  }
  saveLocalStorage(key: string, data: unknown): void {
    if (data === null) this.localStorage__.delete(`${this.appId}-${key}`);
    else this.localStorage__.set(`${this.appId}-${key}`, JSON.stringify(data));
  }

  /** Test helper: Obsidian enables a community plugin: onload, vault indexing (a create per file), layout ready. */
  // Loosely typed: tests pass plugin classes typed against the real `obsidian` declarations.
  async enablePlugin__<P>(ctor: new (app: any, manifest: any) => P, manifest: PluginManifest): Promise<P> {
    const created = new ctor(this, { ...manifest, dir: `${this.vault.configDir}/plugins/${manifest.id}` });
    const plugin = created as unknown as Plugin;
    this.plugins.plugins[manifest.id] = plugin;
    this.plugins.enabledPlugins.add(manifest.id);
    plugin.load();
    await plugin.loading__;
    this.vault.announceExisting__();
    this.workspace.markLayoutReady__();
    return created;
  }
  disablePlugin__(instance: unknown): void {
    const plugin = instance as Plugin;
    plugin.unload();
    this.plugins.enabledPlugins.delete(plugin.manifest.id);
  }
  /** Test helper: runs a command the way the command palette does. */
  async runCommand__(fullId: string): Promise<void> {
    const command = this.commands__.get(fullId);
    if (!command) throw new Error(`No command ${fullId}`);
    if (command.checkCallback) {
      if (!command.checkCallback(true)) throw new Error(`Command ${fullId} is not available now`);
      await command.checkCallback(false);
    } else await command.callback?.();
  }
}

export abstract class Plugin extends Component {
  constructor(public app: App, public manifest: PluginManifest) {
    super();
  }
  private dataPath(): string {
    return nodePath.join(this.app.vault.adapter.getBasePath(), this.manifest.dir ?? "", "data.json");
  }
  async loadData(): Promise<unknown> {
    const raw = await fs.readFile(this.dataPath(), "utf8").catch(() => null);
    return raw === null ? null : JSON.parse(raw);
  }
  async saveData(data: unknown): Promise<void> {
    await fs.mkdir(nodePath.dirname(this.dataPath()), { recursive: true });
    // Written whole then renamed, so a reader never sees a half-written file.
    const temporary = `${this.dataPath()}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await fs.writeFile(temporary, JSON.stringify(data, null, 2));
    await fs.rename(temporary, this.dataPath());
  }
  addCommand(command: Command): Command {
    const full = { ...command, id: `${this.manifest.id}:${command.id}` };
    this.app.commands__.set(full.id, full);
    this.register(() => this.app.commands__.delete(full.id));
    return full;
  }
  addSettingTab(tab: PluginSettingTab): void {
    this.app.settingTabs__.push(tab);
  }
  addStatusBarItem(): FakeElement {
    const item = this.app.statusBar__.createDiv({ cls: "status-bar-item" });
    this.register(() => item.detach());
    return item;
  }
  addRibbonIcon(icon: string, title: string, callback: () => unknown): FakeElement {
    const el = this.app.ribbon__.createDiv({ attr: { "aria-label": title, "data-icon": icon } });
    el.onClickEvent(callback);
    this.register(() => el.detach());
    return el;
  }
  registerView(type: string, creator: (leaf: WorkspaceLeaf) => View): void {
    this.app.workspace.viewCreators__.set(type, creator);
    this.register(() => this.app.workspace.viewCreators__.delete(type));
  }
}
