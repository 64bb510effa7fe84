import type { BitacoraSettings } from "../settings/settings";

/** Whether `path` lies in `folder` (trailing slashes ignored; "" is no folder at all). */
function inFolder(path: string, folder: string): boolean {
  const prefix = folder.replace(/^\/+|\/+$/g, "");
  return prefix !== "" && path.startsWith(`${prefix}/`);
}

/**
 * The one rule for which notes an entry may link to as topics, used by the plugin and the CLI:
 * any Markdown note except the log notes and the dashboards. Log notes are the log folder's notes
 * and, in daily-note mode, the user's daily notes (`isDailyNote` knows their folder and format).
 */
export function isTopicNotePath(path: string, settings: BitacoraSettings, isDailyNote: (path: string) => boolean): boolean {
  if (!path.toLowerCase().endsWith(".md")) return false;
  if (path === settings.sprintDashboardPath || path === settings.deploymentDashboardPath) return false;
  // Log notes written before a switch to daily-note mode stay log notes.
  if (inFolder(path, settings.logFolder)) return false;
  return !(settings.logMode === "daily-note" && isDailyNote(path));
}
