/**
 * Vault backed by a real folder on disk, so the engine host child process can read the
 * attachments through FileSystemAdapter.getBasePath(), as it does inside Obsidian.
 * Events follow Obsidian: create / modify / delete / rename(file, oldPath).
 */
import { mkdirSync, readdirSync, statSync } from "node:fs";
import fs from "node:fs/promises";
import nodePath from "node:path";
import { Events } from "./events";

export function normalizePath(path: string): string {
  const cleaned = path
    .replace(/[\\/]+/g, "/")
    .replace(/\u00A0|\u202F/g, " ")
    .replace(/^\/+|\/+$/g, "")
    .normalize("NFC");
  return cleaned === "" ? "/" : cleaned;
}

export abstract class TAbstractFile {
  vault!: Vault;
  path = "";
  name = "";
  parent: TFolder | null = null;
}

export interface FileStats {
  ctime: number;
  mtime: number;
  size: number;
}

export class TFile extends TAbstractFile {
  stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
  basename = "";
  extension = "";
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];
  isRoot(): boolean {
    return this.path === "/";
  }
}

export class FileSystemAdapter {
  constructor(private readonly basePath: string) {}
  getName(): string {
    return nodePath.basename(this.basePath);
  }
  getBasePath(): string {
    return this.basePath;
  }
  getFullPath(normalizedPath: string): string {
    return nodePath.join(this.basePath, normalizedPath);
  }
  async exists(normalizedPath: string): Promise<boolean> {
    return fs.access(this.getFullPath(normalizedPath)).then(() => true, () => false);
  }
  async read(normalizedPath: string): Promise<string> {
    return fs.readFile(this.getFullPath(normalizedPath), "utf8");
  }
  async write(normalizedPath: string, data: string): Promise<void> {
    await fs.mkdir(nodePath.dirname(this.getFullPath(normalizedPath)), { recursive: true });
    await fs.writeFile(this.getFullPath(normalizedPath), data);
  }
  async mkdir(normalizedPath: string): Promise<void> {
    await fs.mkdir(this.getFullPath(normalizedPath), { recursive: true });
  }
  async stat(normalizedPath: string): Promise<{ type: "file" | "folder"; ctime: number; mtime: number; size: number } | null> {
    const s = await fs.stat(this.getFullPath(normalizedPath)).catch(() => null);
    return s && { type: s.isDirectory() ? "folder" : "file", ctime: s.birthtimeMs || s.ctimeMs, mtime: s.mtimeMs, size: s.size };
  }
}

const parentPathOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "/");

export class Vault extends Events {
  readonly adapter: FileSystemAdapter;
  readonly configDir = ".obsidian";
  private readonly byPath = new Map<string, TAbstractFile>();
  private readonly root: TFolder;

  constructor(basePath: string) {
    super();
    mkdirSync(basePath, { recursive: true });
    this.adapter = new FileSystemAdapter(basePath);
    this.root = this.attach(new TFolder(), "/");
    this.scan("");
  }

  getName(): string {
    return this.adapter.getName();
  }
  getRoot(): TFolder {
    return this.root;
  }
  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.byPath.get(normalizePath(path)) ?? null;
  }
  getFileByPath(path: string): TFile | null {
    const found = this.getAbstractFileByPath(path);
    return found instanceof TFile ? found : null;
  }
  getFolderByPath(path: string): TFolder | null {
    const found = this.getAbstractFileByPath(path);
    return found instanceof TFolder ? found : null;
  }
  getAllLoadedFiles(): TAbstractFile[] {
    return [...this.byPath.values()];
  }
  getFiles(): TFile[] {
    return [...this.byPath.values()].filter((f): f is TFile => f instanceof TFile);
  }
  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === "md");
  }

  async create(path: string, data: string): Promise<TFile> {
    return this.createFile(path, data);
  }
  async createBinary(path: string, data: ArrayBuffer | Uint8Array): Promise<TFile> {
    return this.createFile(path, Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data)));
  }
  async createFolder(path: string): Promise<TFolder> {
    const normalized = normalizePath(path);
    if (this.byPath.has(normalized)) throw new Error("Folder already exists.");
    await this.adapter.mkdir(normalized);
    const folder = this.ensureFolderChain(normalized);
    this.trigger("create", folder);
    return folder;
  }
  async read(file: TFile): Promise<string> {
    return fs.readFile(this.full(file), "utf8");
  }
  async cachedRead(file: TFile): Promise<string> {
    return this.read(file);
  }
  async readBinary(file: TFile): Promise<ArrayBuffer> {
    const bytes = await fs.readFile(this.full(file));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  async modify(file: TFile, data: string): Promise<void> {
    await this.exclusive(file, () => this.write(file, data));
  }
  async modifyBinary(file: TFile, data: ArrayBuffer): Promise<void> {
    await this.write(file, Buffer.from(data));
  }
  async append(file: TFile, data: string): Promise<void> {
    await this.write(file, (await this.read(file)) + data);
  }
  /** Atomic read-modify-write, as Obsidian's: nothing else writes between the read and the write. */
  async process(file: TFile, fn: (data: string) => string): Promise<string> {
    return this.exclusive(file, async () => {
      const text = fn(await fs.readFile(this.full(file), "utf8"));
      await this.write(file, text);
      return text;
    });
  }
  private readonly fileLocks = new Map<string, Promise<unknown>>();
  private exclusive<T>(file: TFile, work: () => Promise<T>): Promise<T> {
    const previous = this.fileLocks.get(file.path) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.fileLocks.set(file.path, next);
    return next;
  }
  async delete(file: TAbstractFile, _force?: boolean): Promise<void> {
    await fs.rm(this.full(file), { recursive: true, force: true });
    this.forget(file);
    this.trigger("delete", file);
  }
  async trash(file: TAbstractFile, _system: boolean): Promise<void> {
    await this.delete(file);
  }
  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    const target = normalizePath(newPath);
    if (this.byPath.has(target)) throw new Error("Destination file already exists!");
    const oldPath = file.path;
    await fs.mkdir(nodePath.dirname(this.adapter.getFullPath(target)), { recursive: true });
    await fs.rename(this.full(file), this.adapter.getFullPath(target));
    this.detachFromParent(file);
    if (parentPathOf(target) !== "/") this.ensureFolderChain(parentPathOf(target));
    this.relocate(file, target);
    this.trigger("rename", file, oldPath);
  }

  /** Test helper: a file written by another program (a sync client) that Obsidian's watcher notices. */
  async writeExternally__(path: string, data: Uint8Array | string): Promise<TFile> {
    const existing = this.getFileByPath(path);
    if (!existing) return this.createFile(path, typeof data === "string" ? data : Buffer.from(data), true);
    await this.write(existing, typeof data === "string" ? data : Buffer.from(data));
    return existing;
  }
  /** Test helper: what Obsidian does while it indexes the vault at startup (a create per file). */
  announceExisting__(): void {
    for (const file of this.getAllLoadedFiles()) if (file !== this.root) this.trigger("create", file);
  }

  private async createFile(path: string, data: string | Buffer, createFolders = false): Promise<TFile> {
    const normalized = normalizePath(path);
    if (this.byPath.has(normalized)) throw new Error("File already exists.");
    const parentPath = parentPathOf(normalized);
    if (!this.byPath.has(parentPath)) {
      // Obsidian's vault.create does not create missing folders; callers must.
      if (!createFolders) throw new Error(`ENOENT: no such folder '${parentPath}'`);
      await this.adapter.mkdir(parentPath);
      this.ensureFolderChain(parentPath);
    }
    await fs.writeFile(this.adapter.getFullPath(normalized), data);
    const file = this.attach(new TFile(), normalized);
    await this.refreshStat(file);
    this.trigger("create", file);
    return file;
  }
  private async write(file: TFile, data: string | Buffer): Promise<void> {
    await fs.writeFile(this.full(file), data);
    await this.refreshStat(file);
    this.trigger("modify", file);
  }
  private async refreshStat(file: TFile): Promise<void> {
    const s = await fs.stat(this.full(file));
    file.stat = { ctime: s.birthtimeMs || s.ctimeMs, mtime: s.mtimeMs, size: s.size };
  }
  private full(file: TAbstractFile): string {
    return this.adapter.getFullPath(file.path);
  }
  private scan(relative: string): void {
    for (const entry of readdirSync(this.adapter.getFullPath(relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (path === this.configDir) continue;
      if (entry.isDirectory()) {
        this.attach(new TFolder(), path);
        this.scan(path);
      } else {
        const file = this.attach(new TFile(), path);
        const s = statSync(this.adapter.getFullPath(path));
        file.stat = { ctime: s.birthtimeMs || s.ctimeMs, mtime: s.mtimeMs, size: s.size };
      }
    }
  }
  private ensureFolderChain(path: string): TFolder {
    const existing = this.byPath.get(path);
    if (existing instanceof TFolder) return existing;
    const parentPath = parentPathOf(path);
    if (parentPath !== "/") this.ensureFolderChain(parentPath);
    return this.attach(new TFolder(), path);
  }
  private attach<T extends TAbstractFile>(file: T, path: string): T {
    file.vault = this;
    this.relocate(file, path);
    return file;
  }
  private relocate(file: TAbstractFile, path: string): void {
    const oldPath = file.path;
    if (oldPath && this.byPath.get(oldPath) === file) this.byPath.delete(oldPath);
    file.path = path;
    file.name = path === "/" ? "" : path.slice(path.lastIndexOf("/") + 1);
    if (file instanceof TFile) {
      const dot = file.name.lastIndexOf(".");
      file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
      file.extension = dot > 0 ? file.name.slice(dot + 1) : "";
    }
    this.byPath.set(path, file);
    if (path !== "/") {
      const parent = this.byPath.get(parentPathOf(path)) as TFolder;
      file.parent = parent;
      if (!parent.children.includes(file)) parent.children.push(file);
    }
    if (file instanceof TFolder) for (const child of file.children) this.relocate(child, `${path}/${child.name}`);
  }
  private detachFromParent(file: TAbstractFile): void {
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
  }
  private forget(file: TAbstractFile): void {
    this.detachFromParent(file);
    if (file instanceof TFolder) for (const child of [...file.children]) this.forget(child);
    this.byPath.delete(file.path);
  }
}
