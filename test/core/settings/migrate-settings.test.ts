import { migrateSettings } from "../../../src/core/settings/migrate-settings";
import { CURRENT_SETTINGS_VERSION, DEFAULT_SETTINGS } from "../../../src/core/settings/settings";

test.each([undefined, null, 42, "text", [], {}])("%p becomes the defaults, to be saved", (raw) => {
  expect(migrateSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, migrated: true });
});

test("current settings come back as they are, with nothing to save", () => {
  const stored = { ...DEFAULT_SETTINGS, logFolder: "Bitácora" };
  expect(migrateSettings({ settings: stored, queue: {} })).toEqual({ settings: stored, migrated: false });
});

test("the early layout (settings at the top of data.json) and version 0 names are unwrapped once", () => {
  const { settings, migrated } = migrateSettings({ logPath: "Bitácora", watchFolder: "Audio", logLanguage: "en" });
  expect(migrated).toBe(true);
  expect(settings).toMatchObject({ logFolder: "Bitácora", watchedFolders: ["Audio"], logLanguage: "en", settingsVersion: CURRENT_SETTINGS_VERSION });
  expect(migrateSettings({ settings, queue: null })).toEqual({ settings, migrated: false });
});

test("wrong types fall back; unknown keys (and the removed maxConcurrentJobs) are dropped; device paths never land here", () => {
  const { settings, migrated } = migrateSettings({
    settings: {
      settingsVersion: 1,
      stableForMs: "soon",
      maxConcurrentJobs: 4,
      extensions: ["webm", 3, "jpg"],
      areaKeywords: { DevOps: ["deploy", 7], QA: "nope" },
      whisperModelPath: "/home/me/ggml.bin",
      surprise: true,
    },
  });
  expect(migrated).toBe(true);
  expect(settings.stableForMs).toBe(DEFAULT_SETTINGS.stableForMs);
  expect(settings.extensions).toEqual(["webm", "jpg"]);
  expect(settings.areaKeywords).toEqual({ DevOps: ["deploy"], QA: [] });
  for (const gone of ["whisperModelPath", "surprise", "maxConcurrentJobs"]) expect(settings).not.toHaveProperty(gone);
});

test.each([
  ["an unknown language", { logLanguage: "fr" }, { logLanguage: DEFAULT_SETTINGS.logLanguage }],
  ["an unknown log mode", { logMode: "cloud" }, { logMode: DEFAULT_SETTINGS.logMode }],
  ["an unknown captioner", { captioner: "gpt" }, { captioner: DEFAULT_SETTINGS.captioner }],
  ["an unknown first-run choice", { firstRun: "delete-all" }, { firstRun: DEFAULT_SETTINGS.firstRun }],
  ["a negative stability time", { stableForMs: -5 }, { stableForMs: DEFAULT_SETTINGS.stableForMs }],
  ["zero attempts", { maxAttempts: 0 }, { maxAttempts: DEFAULT_SETTINGS.maxAttempts }],
  ["a sprint of zero days", { sprintLengthDays: 0 }, { sprintLengthDays: DEFAULT_SETTINGS.sprintLengthDays }],
  ["a sprint start that is not a date", { sprintFirstDay: "next monday" }, { sprintFirstDay: DEFAULT_SETTINGS.sprintFirstDay }],
  ["a default area not in the list", { areas: ["Research", "Teaching"], defaultArea: "Gardening" }, { areas: ["Research", "Teaching"], defaultArea: "Research" }],
  ["an empty list of areas", { areas: [] }, { areas: DEFAULT_SETTINGS.areas, defaultArea: DEFAULT_SETTINGS.defaultArea }],
  ["a grouping window over a day", { groupWindowMinutes: 5000 }, { groupWindowMinutes: 24 * 60 }],
])("%s falls back to a valid value (and asks to be saved)", (_what, stored, expected) => {
  const { settings, migrated } = migrateSettings({ settings: { ...DEFAULT_SETTINGS, ...stored } });
  expect(settings).toMatchObject(expected);
  expect(migrated).toBe(true);
});

test("migrating twice changes nothing", () => {
  const once = migrateSettings({ logPath: "L", defaultArea: "DevOps" }).settings;
  expect(migrateSettings(once)).toEqual({ settings: once, migrated: false });
});

test("entry style and group window: seed lines and 10 minutes by default; bad values fall back, 0 stays (grouping off)", () => {
  expect(migrateSettings({}).settings).toMatchObject({ entryStyle: "seed", groupWindowMinutes: 10 });
  expect(migrateSettings({ entryStyle: "list", groupWindowMinutes: 0 }).settings).toMatchObject({ entryStyle: "list", groupWindowMinutes: 0 });
  expect(migrateSettings({ entryStyle: "table", groupWindowMinutes: -5 }).settings).toMatchObject({ entryStyle: "seed", groupWindowMinutes: 0 });
  expect(migrateSettings({ groupWindowMinutes: 7.8 }).settings.groupWindowMinutes).toBe(7);
  expect(migrateSettings({ groupWindowMinutes: "ten" }).settings.groupWindowMinutes).toBe(10);
});

test("language model: off by default at a loopback address; a bad server type, address or time limit falls back", () => {
  const { settings } = migrateSettings({});
  expect(settings).toMatchObject({ languageModelEnabled: false, languageModelUrl: "http://127.0.0.1:11434", languageModelName: "", languageModelTimeoutMs: 20_000 });
  const bad = migrateSettings({ ...DEFAULT_SETTINGS, languageModelApi: "gpt", languageModelUrl: "file:///etc/passwd", languageModelTimeoutMs: 0, languageModelEnabled: "yes" });
  expect(bad.migrated).toBe(true);
  expect(bad.settings).toMatchObject({ languageModelApi: "ollama", languageModelUrl: "http://127.0.0.1:11434", languageModelTimeoutMs: 20_000, languageModelEnabled: false });
  const good = { ...DEFAULT_SETTINGS, languageModelEnabled: true, languageModelApi: "openai" as const, languageModelUrl: "http://192.168.1.20:8080", languageModelName: "qwen2.5", languageModelWritesTitle: false };
  expect(migrateSettings(good)).toEqual({ settings: good, migrated: false });
});
