import { migrateSettings } from "../../../src/core/settings/migrate-settings";
import { CURRENT_SETTINGS_VERSION, DEFAULT_SETTINGS } from "../../../src/core/settings/settings";

test.each([undefined, null, 42, "text", [], {}])("%p becomes the defaults", (raw) => {
  expect(migrateSettings(raw)).toEqual(DEFAULT_SETTINGS);
});

test("an unversioned data.json keeps its meaning under the new names", () => {
  const settings = migrateSettings({ logPath: "Bitácora", watchFolder: "Audio", logLanguage: "en" });
  expect(settings).toMatchObject({ logFolder: "Bitácora", watchedFolders: ["Audio"], logLanguage: "en", settingsVersion: CURRENT_SETTINGS_VERSION });
});

test("wrong types and unknown values fall back; unknown keys are dropped; device paths never land here", () => {
  const settings = migrateSettings({
    settingsVersion: 1,
    logLanguage: "fr",
    stableForMs: "soon",
    maxConcurrentJobs: 0,
    extensions: ["webm", 3, "jpg"],
    areaKeywords: { DevOps: ["deploy", 7], QA: "nope" },
    whisperModelPath: "/home/me/ggml.bin",
    surprise: true,
  });
  expect(settings.logLanguage).toBe("es");
  expect(settings.stableForMs).toBe(DEFAULT_SETTINGS.stableForMs);
  expect(settings.maxConcurrentJobs).toBe(1);
  expect(settings.extensions).toEqual(["webm", "jpg"]);
  expect(settings.areaKeywords).toEqual({ DevOps: ["deploy"], QA: [] });
  expect(settings).not.toHaveProperty("whisperModelPath");
  expect(settings).not.toHaveProperty("surprise");
});

test("migrating twice changes nothing", () => {
  const once = migrateSettings({ logPath: "L", defaultArea: "DevOps" });
  expect(migrateSettings(once)).toEqual(once);
});

test("entry style and group window: seed lines and 10 minutes by default; bad values fall back, 0 stays (grouping off)", () => {
  expect(migrateSettings({})).toMatchObject({ entryStyle: "seed", groupWindowMinutes: 10 });
  expect(migrateSettings({ entryStyle: "list", groupWindowMinutes: 0 })).toMatchObject({ entryStyle: "list", groupWindowMinutes: 0 });
  expect(migrateSettings({ entryStyle: "table", groupWindowMinutes: -5 })).toMatchObject({ entryStyle: "seed", groupWindowMinutes: 0 });
  expect(migrateSettings({ groupWindowMinutes: 7.8 }).groupWindowMinutes).toBe(7);
  expect(migrateSettings({ groupWindowMinutes: "ten" }).groupWindowMinutes).toBe(10);
});
