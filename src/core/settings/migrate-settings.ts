import { confineSettingsPaths } from "./confine-settings-paths";
import { CURRENT_SETTINGS_VERSION, DEFAULT_SETTINGS, type BitacoraSettings } from "./settings";

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);
const stringList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;

/**
 * Turns whatever data.json holds (nothing, an older version, hand-edited JSON) into valid
 * current settings. Pure: unknown keys are dropped, wrong types fall back to defaults, paths that
 * would leave the vault fall back too (and `warn` says which).
 */
export function migrateSettings(raw: unknown, warn: (message: string) => void = () => undefined): BitacoraSettings {
  const source: Raw = isRecord(raw) ? { ...raw } : {};
  // Version 0 (unversioned) stored the log folder as `logPath` and a single `watchFolder`.
  if (!("settingsVersion" in source)) {
    if (typeof source.logPath === "string" && source.logFolder === undefined) source.logFolder = source.logPath;
    if (typeof source.watchFolder === "string" && source.watchedFolders === undefined) {
      source.watchedFolders = source.watchFolder ? [source.watchFolder] : [];
    }
  }
  const settings: BitacoraSettings = { ...DEFAULT_SETTINGS, areaKeywords: { ...DEFAULT_SETTINGS.areaKeywords } };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof BitacoraSettings)[]) {
    const fallback = DEFAULT_SETTINGS[key];
    const value = source[key];
    if (value === undefined) continue;
    if (Array.isArray(fallback)) {
      const list = stringList(value);
      if (list) (settings as unknown as Raw)[key] = list;
    } else if (isRecord(fallback)) {
      if (isRecord(value)) {
        const rules: Record<string, string[]> = {};
        for (const [area, words] of Object.entries(value)) rules[area] = stringList(words) ?? [];
        (settings as unknown as Raw)[key] = rules;
      }
    } else if (typeof value === typeof fallback && (typeof value !== "number" || Number.isFinite(value))) {
      (settings as unknown as Raw)[key] = value;
    }
  }
  if (settings.logLanguage !== "es" && settings.logLanguage !== "en") settings.logLanguage = DEFAULT_SETTINGS.logLanguage;
  if (!["log-folder", "daily-note"].includes(settings.logMode)) settings.logMode = DEFAULT_SETTINGS.logMode;
  if (settings.entryStyle !== "seed" && settings.entryStyle !== "list") settings.entryStyle = DEFAULT_SETTINGS.entryStyle;
  settings.groupWindowMinutes = Math.max(0, Math.min(24 * 60, Math.floor(settings.groupWindowMinutes)));
  settings.maxConcurrentJobs = Math.max(1, Math.floor(settings.maxConcurrentJobs));
  confineSettingsPaths(settings, warn);
  settings.settingsVersion = CURRENT_SETTINGS_VERSION;
  return settings;
}
