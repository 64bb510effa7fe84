/**
 * Stand-in for the `obsidian` module in tests. Obsidian itself (an Electron app) cannot run
 * here, and the npm `obsidian` package ships only type declarations, so jest maps `obsidian`
 * to this file (jest.config.js moduleNameMapper).
 *
 * Why our own and not `obsidian-test-mocks` (evaluated at 3.11.0): its FileSystemAdapter is
 * in-memory (getFullPath returns a path where no file exists), so the real engine host child
 * process could not read the attachments; and its DOM helpers expect a browser environment.
 * This stand-in backs the vault with a real temporary folder and keeps Obsidian's semantics
 * where the plugin depends on them: events fire create / modify / delete / rename(file,
 * oldPath); startup fires `create` for every file before onLayoutReady; vault.create does not
 * create folders; vault.process is an atomic read-modify-write; commands get the
 * `pluginId:` prefix; data.json lives in `.obsidian/plugins/<id>/`; innerHTML throws.
 * Members ending in `__` are test helpers, not Obsidian API.
 */
import momentLib from "moment";

// Obsidian's renderer has a `window` (plugins use window.setTimeout for popout windows); Node's global stands in.
(globalThis as { window?: unknown }).window ??= globalThis;

export { FakeElement, createFakeElement } from "./dom";
export { Component, Events, type EventRef } from "./events";
export { normalizePath, FileSystemAdapter, TAbstractFile, TFile, TFolder, Vault } from "./vault";
export { View, ItemView, WorkspaceLeaf, Workspace, MetadataCache, FileManager, type ViewState, type CachedMetadata } from "./workspace";
export {
  Notice,
  Modal,
  SuggestModal,
  FuzzySuggestModal,
  type FuzzyMatch,
  PluginSettingTab,
  Setting,
  TextComponent,
  TextAreaComponent,
  ToggleComponent,
  DropdownComponent,
  SliderComponent,
  ButtonComponent,
  Menu,
  MenuItem,
} from "./ui";
export { App, Plugin, type PluginManifest, type Command } from "./app";

export const moment = momentLib;

export const Platform = {
  isDesktop: true,
  isDesktopApp: true,
  isMobile: false,
  isMobileApp: false,
  isMacOS: process.platform === "darwin",
  isWin: process.platform === "win32",
  isLinux: process.platform === "linux",
};

/** Tests never touch the network: any request fails loudly. */
export async function requestUrl(request: string | { url: string }): Promise<never> {
  const url = typeof request === "string" ? request : request.url;
  throw new Error(`requestUrl is not available in tests (${url})`);
}

/** Icons are cosmetic; the stand-in records the name on the element. */
export function setIcon(el: { setAttr(name: string, value: string): void }, icon: string): void {
  el.setAttr("data-icon", icon);
}

export function debounce<A extends unknown[]>(fn: (...args: A) => unknown, wait = 0): ((...args: A) => void) & { cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const debounced = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
  return Object.assign(debounced, { cancel: () => clearTimeout(timer) });
}
