import { Notice, type Plugin, type TFile } from "obsidian";
import { convertLogNote } from "../core/log/convert-style";
import { parseLogNote } from "../core/log/parse-log-note";
import type { EntryStyle } from "../core/log/structure";

const STYLE_NAMES: Record<EntryStyle, string> = { seed: "seed lines", list: "Dataview list items" };

/** Rewrites one note's entries in the chosen style with one vault.process, so one undo reverts it. */
export async function convertLogNoteFile(plugin: Pick<Plugin, "app">, file: TFile, style: EntryStyle): Promise<void> {
  let converted = 0;
  try {
    await plugin.app.vault.process(file, (text) => {
      converted = parseLogNote(text).entries.filter((parsed) => parsed.style !== style).length;
      return converted ? convertLogNote(text, style) : text;
    });
    new Notice(converted ? `Bitácora: ${converted} entries of ${file.name} are now ${STYLE_NAMES[style]}.` : `Bitácora: ${file.name} has no entries to convert.`);
  } catch (error) {
    new Notice(`Bitácora could not convert ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
