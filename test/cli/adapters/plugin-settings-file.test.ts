/** The CLI finds the plugin's settings in the vault's configuration folder, whatever it is named. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseCliArgs, UsageError } from "../../../src/cli/args";
import { pluginSettingsFile } from "../../../src/cli/adapters/plugin-settings-file";

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function vaultWithSettingsIn(...configDirs: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), "bitacora-config-"));
  made.push(root);
  for (const dir of configDirs) {
    mkdirSync(path.join(root, dir, "plugins", "bitacora"), { recursive: true });
    writeFileSync(path.join(root, dir, "plugins", "bitacora", "data.json"), "{}");
  }
  // Other dot-folders without Bitácora's settings do not count.
  mkdirSync(path.join(root, ".trash"));
  mkdirSync(path.join(root, ".git", "plugins"), { recursive: true });
  return root;
}

test("the one configuration folder that holds Bitácora's settings, whatever its name", () => {
  const root = vaultWithSettingsIn(".obsidian-desk");
  expect(pluginSettingsFile(root)).toBe(path.join(root, ".obsidian-desk", "plugins", "bitacora", "data.json"));
});

test("no settings anywhere: none (the CLI uses the defaults)", () => {
  expect(pluginSettingsFile(vaultWithSettingsIn())).toBeNull();
});

test("settings in two configuration folders: the CLI asks which, and --config-dir picks it", () => {
  const root = vaultWithSettingsIn(".obsidian", ".obsidian-mobile");
  expect(() => pluginSettingsFile(root)).toThrow(UsageError);
  expect(() => pluginSettingsFile(root)).toThrow("(.obsidian, .obsidian-mobile); name the one to use with --config-dir");
  expect(pluginSettingsFile(root, ".obsidian-mobile")).toBe(path.join(root, ".obsidian-mobile", "plugins", "bitacora", "data.json"));
  expect(pluginSettingsFile(root, ".elsewhere")).toBeNull();
});

test.each(["../.obsidian", ".obsidian/plugins", "obsidian", "..", "/etc"])("--config-dir %s is refused: one dot-folder at the vault root", (value) => {
  expect(() => parseCliArgs(["process", "vault", "--config-dir", value])).toThrow(UsageError);
});

test("--config-dir is passed on", () => {
  expect(parseCliArgs(["status", "vault", "--config-dir", ".obsidian-work"]).configDir).toBe(".obsidian-work");
});
