/** Workspace, leaves and views, the metadata cache and the file manager. */
import { FakeElement } from "./dom";
import { Component, Events } from "./events";
import { parseFrontmatter, replaceFrontmatter } from "./frontmatter";
import { TFile, type Vault } from "./vault";
import type { App } from "./app";

export interface ViewState {
  type: string;
  active?: boolean;
  state?: Record<string, unknown>;
}

export abstract class View extends Component {
  app: App;
  icon = "";
  navigation = false;
  containerEl = new FakeElement("div");
  constructor(public leaf: WorkspaceLeaf) {
    super();
    this.app = leaf.app;
  }
  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}
  abstract getViewType(): string;
  getDisplayText(): string {
    return "";
  }
  getIcon(): string {
    return this.icon;
  }
  getState(): Record<string, unknown> {
    return {};
  }
  async setState(_state: unknown, _result: unknown): Promise<void> {}
  /** Test helper: Obsidian calls these when the leaf opens or closes the view. */
  async open__(): Promise<void> {
    this.load();
    await this.onOpen();
  }
  async close__(): Promise<void> {
    await this.onClose();
    this.unload();
  }
}

export abstract class ItemView extends View {
  contentEl: FakeElement;
  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.containerEl.createDiv({ cls: "view-header" });
    this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
  }
  addAction(_icon: string, title: string, callback: () => unknown): FakeElement {
    const action = this.containerEl.createEl("button", { attr: { "aria-label": title } });
    action.onClickEvent(callback);
    return action;
  }
}

class EmptyView extends View {
  getViewType(): string {
    return "empty";
  }
}

export class WorkspaceLeaf extends Events {
  view: View;
  /** Test helper: the file this leaf shows, when it shows one. */
  file__: TFile | null = null;
  constructor(readonly app: App, readonly side: "root" | "left" | "right" = "root") {
    super();
    this.view = new EmptyView(this);
  }
  async setViewState(state: ViewState): Promise<void> {
    const creator = this.app.workspace.viewCreators__.get(state.type);
    if (!creator) throw new Error(`No view registered for type ${state.type}`);
    await this.view.close__();
    this.view = creator(this);
    await this.view.open__();
    if (state.active) this.app.workspace.activeLeaf = this;
  }
  getViewState(): ViewState {
    return { type: this.view.getViewType() };
  }
  async openFile(file: TFile): Promise<void> {
    this.file__ = file;
    this.app.workspace.activeLeaf = this;
    this.app.workspace.trigger("file-open", file);
  }
  detach(): void {
    void this.view.close__();
    this.app.workspace.leaves__ = this.app.workspace.leaves__.filter((leaf) => leaf !== this);
  }
}

export class Workspace extends Events {
  layoutReady = false;
  activeLeaf: WorkspaceLeaf | null = null;
  leaves__: WorkspaceLeaf[] = [];
  readonly viewCreators__ = new Map<string, (leaf: WorkspaceLeaf) => View>();
  private readonly readyCallbacks: (() => unknown)[] = [];
  /** Test helper: the file the user has open. */
  activeFile__: TFile | null = null;

  constructor(private readonly app: App) {
    super();
  }
  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) void Promise.resolve().then(callback);
    else this.readyCallbacks.push(callback);
  }
  /** Test helper: Obsidian finishes restoring the layout. */
  markLayoutReady__(): void {
    this.layoutReady = true;
    for (const callback of this.readyCallbacks.splice(0)) callback();
    this.trigger("layout-ready");
  }
  getActiveFile(): TFile | null {
    return this.activeFile__ ?? this.activeLeaf?.file__ ?? null;
  }
  getLeaf(_newLeaf?: boolean | string): WorkspaceLeaf {
    return this.addLeaf("root");
  }
  getRightLeaf(_split: boolean): WorkspaceLeaf {
    return this.addLeaf("right");
  }
  getLeftLeaf(_split: boolean): WorkspaceLeaf {
    return this.addLeaf("left");
  }
  getLeavesOfType(type: string): WorkspaceLeaf[] {
    return this.leaves__.filter((leaf) => leaf.view.getViewType() === type);
  }
  detachLeavesOfType(type: string): void {
    for (const leaf of this.getLeavesOfType(type)) leaf.detach();
  }
  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    this.activeLeaf = leaf;
  }
  async openLinkText(linktext: string, sourcePath: string, _newLeaf?: boolean): Promise<void> {
    const file = this.app.metadataCache.getFirstLinkpathDest(linktext, sourcePath);
    if (!file) throw new Error(`Cannot open ${linktext}: no such file`);
    await this.getLeaf().openFile(file);
  }
  private addLeaf(side: "root" | "left" | "right"): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, side);
    this.leaves__.push(leaf);
    return leaf;
  }
}

export interface CachedMetadata {
  frontmatter?: Record<string, unknown>;
}

export class MetadataCache extends Events {
  private readonly cache = new Map<string, CachedMetadata>();
  constructor(private readonly vault: Vault) {
    super();
  }
  getFileCache(file: TFile): CachedMetadata | null {
    return this.cache.get(file.path) ?? (file.extension === "md" ? {} : null);
  }
  getCache(path: string): CachedMetadata | null {
    const file = this.vault.getFileByPath(path);
    return file ? this.getFileCache(file) : null;
  }
  /** Resolves a wikilink target: exact path, path + .md, or the shortest path with that name. */
  getFirstLinkpathDest(linkpath: string, _sourcePath: string): TFile | null {
    const target = linkpath.split("#")[0];
    const exact = this.vault.getFileByPath(target) ?? this.vault.getFileByPath(`${target}.md`);
    if (exact) return exact;
    const name = target.includes(".") ? target : `${target}.md`;
    const matches = this.vault.getFiles().filter((f) => f.name === name || f.path.endsWith(`/${name}`));
    return matches.sort((a, b) => a.path.length - b.path.length)[0] ?? null;
  }
  /** Test helper (and the vault hook): re-reads a note's frontmatter, then fires `changed`. */
  async index__(file: TFile): Promise<void> {
    if (file.extension !== "md") return;
    const text = await this.vault.cachedRead(file);
    this.cache.set(file.path, { frontmatter: parseFrontmatter(text) });
    this.trigger("changed", file, text, this.cache.get(file.path));
  }
  forget__(path: string): void {
    this.cache.delete(path);
  }
}

export class FileManager {
  constructor(private readonly app: App) {}
  async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void): Promise<void> {
    await this.app.vault.process(file, (text) => {
      const frontmatter = parseFrontmatter(text) ?? {};
      fn(frontmatter);
      return replaceFrontmatter(text, frontmatter);
    });
  }
  getNewFileParent(_sourcePath: string): { path: string } {
    return this.app.vault.getRoot();
  }
  /** Obsidian moves the file to the system or vault trash per the user's setting; here it is deleted. */
  async trashFile(file: TFile): Promise<void> {
    await this.app.vault.delete(file);
  }
  async renameFile(file: TFile, newPath: string): Promise<void> {
    await this.app.vault.rename(file, newPath);
  }
}
