import { vaultPathOrNull } from "../paths/vault-path";
import { DEFAULT_SETTINGS, type BitacoraSettings } from "./settings";

/**
 * Synced settings come from data.json, which anything that syncs the vault can write: every path
 * in them must stay inside the vault. A bad one falls back to its default (lists drop the item).
 */
export function confineSettingsPaths(settings: BitacoraSettings, warn: (message: string) => void): void {
  settings.logFolder = vaultPathOrNull(settings.logFolder, "log folder", warn, { allowRoot: true }) ?? DEFAULT_SETTINGS.logFolder;
  settings.sprintDashboardPath = vaultPathOrNull(settings.sprintDashboardPath, "Sprint dashboard path", warn) ?? DEFAULT_SETTINGS.sprintDashboardPath;
  settings.deploymentDashboardPath =
    vaultPathOrNull(settings.deploymentDashboardPath, "Deployments dashboard path", warn) ?? DEFAULT_SETTINGS.deploymentDashboardPath;
  const folders = (list: string[], what: string) =>
    list.map((folder) => vaultPathOrNull(folder, what, warn, { allowRoot: true })).filter((folder): folder is string => folder !== null);
  settings.watchedFolders = folders(settings.watchedFolders, "watched folder");
  settings.ignoredFolders = folders(settings.ignoredFolders, "ignored folder");
}
