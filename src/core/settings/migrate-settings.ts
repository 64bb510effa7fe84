import { confineSettingsPaths } from "./confine-settings-paths";
import { serverOrigin } from "./server-approval";
import { CURRENT_SETTINGS_VERSION, DEFAULT_SETTINGS, type BitacoraSettings } from "./settings";

type Raw = Record<string, unknown>;

export interface MigratedSettings {
  settings: BitacoraSettings;
  /** The stored value was older or held something invalid: the caller should save the result. */
  migrated: boolean;
}

const isRecord = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);
const stringList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;

/** Each step takes the stored settings from version n - 1 to n (index n - 1). */
const UPGRADES: ((source: Raw) => void)[] = [
  // 1: the log folder was `logPath` and there was a single `watchFolder`.
  (source) => {
    if (typeof source.logPath === "string" && source.logFolder === undefined) source.logFolder = source.logPath;
    if (typeof source.watchFolder === "string" && source.watchedFolders === undefined) source.watchedFolders = source.watchFolder ? [source.watchFolder] : [];
  },
  // 2: `maxConcurrentJobs` is gone: the engine runs one job at a time.
  () => undefined,
];

/** The values each enumerated setting may take. */
const CHOICES: Partial<Record<keyof BitacoraSettings, readonly unknown[]>> = {
  logLanguage: ["es", "en"],
  logMode: ["log-folder", "daily-note"],
  entryStyle: ["seed", "list"],
  firstRun: ["mark-existing-processed", "queue-existing"],
  captioner: ["none", "onnx", "ollama"],
  languageModelApi: ["openai", "ollama"],
};

/** Numbers and the smallest value that makes sense (times may be 0, attempts and days may not). */
const MINIMUMS: Partial<Record<keyof BitacoraSettings, number>> = { stableForMs: 0, maxAttempts: 1, sprintLengthDays: 1, languageModelTimeoutMs: 1000 };

/**
 * Turns whatever data.json holds (nothing, an older version, the early layout with the settings
 * at the top level, hand-edited JSON) into valid current settings. Pure: unknown keys are
 * dropped; wrong types, unknown choices, out-of-range numbers, a default area not in the list and
 * paths that would leave the vault fall back to defaults (`warn` says which path).
 */
export function migrateSettings(raw: unknown, warn: (message: string) => void = () => undefined): MigratedSettings {
  // Early data.json files held the settings at the top level instead of under `settings`.
  const stored = isRecord(raw) && isRecord(raw.settings) ? raw.settings : raw;
  const source: Raw = isRecord(stored) ? { ...stored } : {};
  const version = typeof source.settingsVersion === "number" ? source.settingsVersion : 0;
  for (let next = version + 1; next <= CURRENT_SETTINGS_VERSION; next++) UPGRADES[next - 1]?.(source);
  const settings = validValues(source);
  confineSettingsPaths(settings, warn);
  settings.settingsVersion = CURRENT_SETTINGS_VERSION;
  return { settings, migrated: !sameSettings(stored, settings) };
}

function validValues(source: Raw): BitacoraSettings {
  const settings: BitacoraSettings = { ...DEFAULT_SETTINGS, areaKeywords: { ...DEFAULT_SETTINGS.areaKeywords } };
  const target = settings as unknown as Raw;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof BitacoraSettings)[]) {
    const fallback = DEFAULT_SETTINGS[key];
    const value = source[key];
    if (value === undefined) continue;
    if (Array.isArray(fallback)) {
      const list = stringList(value);
      if (list) target[key] = list;
    } else if (isRecord(fallback)) {
      if (isRecord(value)) target[key] = Object.fromEntries(Object.entries(value).map(([area, words]) => [area, stringList(words) ?? []]));
    } else if (typeof value === typeof fallback && (typeof value !== "number" || Number.isFinite(value))) {
      const choices = CHOICES[key];
      const minimum = MINIMUMS[key];
      if (choices && !choices.includes(value)) continue;
      if (minimum !== undefined && (value as number) < minimum) continue;
      target[key] = value;
    }
  }
  settings.groupWindowMinutes = Math.max(0, Math.min(24 * 60, Math.floor(settings.groupWindowMinutes)));
  settings.maxAttempts = Math.floor(settings.maxAttempts);
  if (serverOrigin(settings.languageModelUrl) === null) settings.languageModelUrl = DEFAULT_SETTINGS.languageModelUrl;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(settings.sprintFirstDay) || Number.isNaN(Date.parse(settings.sprintFirstDay))) settings.sprintFirstDay = DEFAULT_SETTINGS.sprintFirstDay;
  if (settings.areas.length === 0) settings.areas = [...DEFAULT_SETTINGS.areas];
  if (!settings.areas.includes(settings.defaultArea)) settings.defaultArea = settings.areas.includes(DEFAULT_SETTINGS.defaultArea) ? DEFAULT_SETTINGS.defaultArea : settings.areas[0];
  return settings;
}

/** The stored value already says exactly what the settings say (so there is nothing to save). */
function sameSettings(stored: unknown, settings: BitacoraSettings): boolean {
  if (!isRecord(stored)) return false;
  const keys = Object.keys(settings);
  if (Object.keys(stored).some((key) => !keys.includes(key))) return false;
  return keys.every((key) => JSON.stringify(stored[key]) === JSON.stringify((settings as unknown as Raw)[key]));
}
