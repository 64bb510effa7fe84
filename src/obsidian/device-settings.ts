import type { App } from "obsidian";
import { DEFAULT_DEVICE_SETTINGS, type DeviceSettings } from "../core/settings/settings";

const STORAGE_KEY = "bitacora-device-settings";

/**
 * Device-local settings (model path, threads) live in Obsidian's per-vault localStorage
 * (app.loadLocalStorage, Obsidian 1.8.7+), not in data.json: data.json travels with the vault
 * through Obsidian Sync, iCloud or git, and a model path from a laptop is wrong on a desktop.
 * A file in the plugin folder would travel the same way, so localStorage is the safe place.
 */
export class DeviceSettingsStore {
  private current: DeviceSettings = { ...DEFAULT_DEVICE_SETTINGS };
  private readonly listeners = new Set<(settings: DeviceSettings) => void>();

  constructor(private readonly app: App) {}

  load(): DeviceSettings {
    this.current = sanitizeDeviceSettings(this.app.loadLocalStorage(STORAGE_KEY));
    return this.current;
  }

  get settings(): DeviceSettings {
    return this.current;
  }

  update(change: Partial<DeviceSettings>): void {
    this.current = sanitizeDeviceSettings({ ...this.current, ...change });
    this.app.saveLocalStorage(STORAGE_KEY, this.current);
    for (const listener of this.listeners) listener(this.current);
  }

  /** Told after every change (a new model path lets waiting jobs run). */
  onChange(listener: (settings: DeviceSettings) => void): void {
    this.listeners.add(listener);
  }
}

/** Wrong types and missing keys fall back to the defaults; threads stay at least 1. */
export function sanitizeDeviceSettings(raw: unknown): DeviceSettings {
  const source = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const text = (key: "whisperModelPath" | "whisperCliPath" | "modelsDir") => {
    const value = source[key];
    return typeof value === "string" ? value.trim() : DEFAULT_DEVICE_SETTINGS[key];
  };
  const count = (key: "threads" | "timeoutSec") => {
    const value = source[key];
    return typeof value === "number" && Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_DEVICE_SETTINGS[key];
  };
  const processHere = typeof source.processOnThisDevice === "boolean" ? source.processOnThisDevice : DEFAULT_DEVICE_SETTINGS.processOnThisDevice;
  const approvedServers = Array.isArray(source.approvedServers) ? source.approvedServers.filter((o): o is string => typeof o === "string") : [];
  return { approvedServers, processOnThisDevice: processHere, whisperModelPath: text("whisperModelPath"), whisperCliPath: text("whisperCliPath"), modelsDir: text("modelsDir"), threads: count("threads"), timeoutSec: count("timeoutSec") };
}
