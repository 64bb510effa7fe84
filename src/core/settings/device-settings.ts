import { DEFAULT_DEVICE_SETTINGS, type DeviceSettings } from "./settings";

/** Storage that stays on this device (Obsidian's per-vault localStorage; a Map in tests). */
export interface DeviceStorage {
  load(key: string): unknown;
  save(key: string, value: unknown): void;
}

/** The in-memory twin of DeviceStorage: same contract, nothing kept after the process ends. */
export class MemoryDeviceStorage implements DeviceStorage {
  private readonly values = new Map<string, string>();

  load(key: string): unknown {
    const raw = this.values.get(key);
    return raw === undefined ? null : JSON.parse(raw);
  }

  save(key: string, value: unknown): void {
    // Stored as JSON, like localStorage: what comes back is a copy, never the caller's object.
    this.values.set(key, JSON.stringify(value));
  }
}

export const DEVICE_SETTINGS_KEY = "bitacora-device-settings";

/**
 * Device-local settings (model path, threads) are kept out of data.json: data.json travels with
 * the vault through Obsidian Sync, iCloud or git, and a model path from a laptop is wrong on a
 * desktop. Every value read or written is sanitised; listeners hear about every change.
 */
export class DeviceSettingsStore {
  private current: DeviceSettings = { ...DEFAULT_DEVICE_SETTINGS };
  private readonly listeners = new Set<(settings: DeviceSettings) => void>();

  constructor(private readonly storage: DeviceStorage) {}

  load(): DeviceSettings {
    this.current = sanitizeDeviceSettings(this.storage.load(DEVICE_SETTINGS_KEY));
    return this.current;
  }

  get settings(): DeviceSettings {
    return this.current;
  }

  update(change: Partial<DeviceSettings>): void {
    this.current = sanitizeDeviceSettings({ ...this.current, ...change });
    this.storage.save(DEVICE_SETTINGS_KEY, this.current);
    for (const listener of this.listeners) listener(this.current);
  }

  /** Told after every change (a new model path lets waiting jobs run). */
  onChange(listener: (settings: DeviceSettings) => void): void {
    this.listeners.add(listener);
  }
}

/** Wrong types and missing keys fall back to the defaults; paths are trimmed; counts stay whole and at least 1. */
export function sanitizeDeviceSettings(raw: unknown): DeviceSettings {
  const source = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const text = (key: "whisperModelPath" | "whisperCliPath" | "modelsDir" | "serverUrl" | "serverModel" | "serverApiKey") => {
    const value = source[key];
    return typeof value === "string" ? value.trim() : DEFAULT_DEVICE_SETTINGS[key];
  };
  const flag = (key: "serverFallbackToLocal" | "serverWholeFile" | "serverHotwords") => {
    const value = source[key];
    return typeof value === "boolean" ? value : DEFAULT_DEVICE_SETTINGS[key];
  };
  const count = (key: "threads" | "timeoutSec" | "serverTimeoutSec") => {
    const value = source[key];
    return typeof value === "number" && Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_DEVICE_SETTINGS[key];
  };
  const processHere = typeof source.processOnThisDevice === "boolean" ? source.processOnThisDevice : DEFAULT_DEVICE_SETTINGS.processOnThisDevice;
  const approvedServers = Array.isArray(source.approvedServers) ? source.approvedServers.filter((o): o is string => typeof o === "string") : [];
  return {
    approvedServers,
    processOnThisDevice: processHere,
    whisperModelPath: text("whisperModelPath"),
    whisperCliPath: text("whisperCliPath"),
    modelsDir: text("modelsDir"),
    threads: count("threads"),
    timeoutSec: count("timeoutSec"),
    serverUrl: text("serverUrl"),
    serverModel: text("serverModel"),
    serverApiKey: text("serverApiKey"),
    serverTimeoutSec: count("serverTimeoutSec"),
    serverFallbackToLocal: flag("serverFallbackToLocal"),
    serverWholeFile: flag("serverWholeFile"),
    serverHotwords: flag("serverHotwords"),
  };
}
