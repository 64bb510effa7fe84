import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../args";

/** Where the plugin keeps its synced settings inside a configuration folder. */
const SETTINGS_IN_CONFIG_DIR = ["plugins", "bitacora", "data.json"];

/**
 * The plugin's data.json in the vault's configuration folder. Obsidian lets each device name that
 * folder (Vault#configDir), and the name is not stored in the vault, so the CLI takes it from
 * `--config-dir` or finds the one dot-folder at the vault root that holds Bitácora's settings.
 * Null when none does (the CLI then uses the defaults).
 */
export function pluginSettingsFile(root: string, configDir?: string): string | null {
  if (configDir !== undefined) {
    const file = path.join(root, configDir, ...SETTINGS_IN_CONFIG_DIR);
    return existsSync(file) ? file : null;
  }
  const found = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(".") && existsSync(path.join(root, entry.name, ...SETTINGS_IN_CONFIG_DIR)))
    .map((entry) => entry.name)
    .sort();
  if (found.length > 1) {
    throw new UsageError(`Bitácora's settings are in more than one configuration folder (${found.join(", ")}); name the one to use with --config-dir.`);
  }
  return found.length === 1 ? path.join(root, found[0], ...SETTINGS_IN_CONFIG_DIR) : null;
}
