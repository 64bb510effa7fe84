import { format as formatDate } from "date-fns";
import type { LogLabels } from "../log/labels";
import { checkVaultPath } from "../paths/vault-path";

/** Vault path of the day's log note in folder mode, e.g. "Logs/2025-07-30.md". */
export function logNotePath(date: Date, folder: string, fileFormat: string): string {
  let name: string;
  try {
    name = formatDate(date, fileFormat || "yyyy-MM-dd");
  } catch {
    // A bad pattern typed in settings must not stop logging.
    name = formatDate(date, "yyyy-MM-dd");
  }
  const cleanFolder = folder.replace(/^\/+|\/+$/g, "");
  const candidate = checkVaultPath(`${cleanFolder ? `${cleanFolder}/` : ""}${name}.md`);
  if (candidate.ok) return candidate.path;
  // A pattern or folder that would leave the vault (`'../'yyyy`, an absolute folder) is not followed.
  const safeFolder = checkVaultPath(cleanFolder, { allowRoot: true });
  const base = safeFolder.ok ? safeFolder.path : "Logs";
  return `${base ? `${base}/` : ""}${formatDate(date, "yyyy-MM-dd")}.md`;
}

export function newLogNoteText(date: Date, labels: LogLabels): string {
  return `${labels.logHeading(formatDate(date, "yyyy-MM-dd"))}\n`;
}
