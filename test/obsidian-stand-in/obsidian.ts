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

interface StandInRequest {
  url: string;
  method?: string;
  contentType?: string;
  body?: string | ArrayBuffer;
  headers?: Record<string, string>;
  throw?: boolean;
}

/**
 * Tests never touch the network: a request anywhere but a loopback test server fails loudly.
 * Loopback requests are made for real, with requestUrl's contract (whole body; throws on HTTP
 * 400+ unless `throw: false`; `contentType` sets the Content-Type header).
 */
export async function requestUrl(request: string | StandInRequest) {
  const params = typeof request === "string" ? { url: request } : request;
  if (!/^http:\/\/127\.0\.0\.1[:/]/.test(params.url)) throw new Error(`requestUrl is not available in tests (${params.url})`);
  const headers = { ...params.headers, ...(params.contentType ? { "content-type": params.contentType } : {}) };
  const response = await fetch(params.url, { method: params.method ?? "GET", headers, body: params.body });
  const arrayBuffer = await response.arrayBuffer();
  if (response.status >= 400 && params.throw !== false) throw new Error(`Request failed, status ${response.status}`);
  const text = new TextDecoder().decode(arrayBuffer);
  const plainHeaders: Record<string, string> = {};
  response.headers.forEach((value, key) => (plainHeaders[key] = value));
  return { status: response.status, headers: plainHeaders, arrayBuffer, text, get json() { return JSON.parse(text) as unknown; } };
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
