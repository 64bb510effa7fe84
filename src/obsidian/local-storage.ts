import type { App } from "obsidian";
import type { DeviceStorage } from "../core/settings/device-settings";

/**
 * Obsidian's per-vault localStorage (app.loadLocalStorage, Obsidian 1.8.7+): it stays on this
 * device, unlike data.json or any file in the plugin folder, which travel with the vault.
 */
export function obsidianLocalStorage(app: App): DeviceStorage {
  return { load: (key) => app.loadLocalStorage(key) as unknown, save: (key, value) => app.saveLocalStorage(key, value) };
}
