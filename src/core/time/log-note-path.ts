import { format as formatDate } from "date-fns";
import type { LogLabels } from "../log/labels";

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
  return `${cleanFolder ? `${cleanFolder}/` : ""}${name}.md`;
}

export function newLogNoteText(date: Date, labels: LogLabels): string {
  return `${labels.logHeading(formatDate(date, "yyyy-MM-dd"))}\n`;
}
