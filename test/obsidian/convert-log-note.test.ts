/** "Convert log note to entry style…" rewrites the open note with one vault.process and keeps every line. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { Modal, Notice, Setting, type TFile } from "../obsidian-stand-in/obsidian";
import { DATA_JSON, MANIFEST, REPO, presetSettings, startPlugin, stopPlugin, perTestVault, waitFor } from "./harness";

const current = perTestVault();
const SEEDS = path.join(REPO, "../shared/seeds");
const seed000 = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((name) => name.startsWith("000_"))!), "utf8");

test("a seed-style note converts to Dataview list items and back to the same bytes", async () => {
  current.vault.writeText("Logs/2025-07-30.md", seed000);
  current.vault.writeText("Notes/plain.txt", "not a note");
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  const command = `${MANIFEST.id}:convert-log-note-style`;

  app.workspace.activeFile__ = app.vault.getFileByPath("Notes/plain.txt") as never;
  await expect(app.runCommand__(command)).rejects.toThrow(/not available/);

  const note = app.vault.getFileByPath("Logs/2025-07-30.md") as unknown as TFile;
  app.workspace.activeFile__ = note as never;
  const convert = async (choice: string) => {
    await app.runCommand__(command);
    // The user types the style's name and picks the first suggestion.
    const picker = Modal.open__[Modal.open__.length - 1] as unknown as { getSuggestions(q: string): unknown[]; onChooseSuggestion(item: unknown, evt: unknown): void; close(): void };
    const [first] = picker.getSuggestions(choice);
    picker.close();
    picker.onChooseSuggestion(first, {});
    await waitFor(() => Notice.shown__.some((m) => m.includes(`are now ${choice.toLowerCase() === "seed lines" ? "seed lines" : "Dataview list items"}`)));
  };

  await convert("Dataview list items");
  const list = current.vault.readText("Logs/2025-07-30.md");
  expect(list).toContain("## 15:30 deploy del sistema en ambiente de staging\n- [status:: Processed] [area:: DevOps] [date:: 2025-07-30T15:30]\n");
  expect(list).not.toMatch(/^---$/m);
  expect(parseLogNote(list).entries.map((p) => p.entry.title)).toEqual(parseLogNote(seed000).entries.map((p) => p.entry.title));

  Notice.shown__.length = 0;
  await convert("Seed lines");
  expect(current.vault.readText("Logs/2025-07-30.md")).toBe(seed000);
});

test("Entry style and Group window are settings saved to data.json", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  app.settingTabs__[0].display();
  const control = (name: string) =>
    Setting.all__.filter((s) => s.nameEl.getText() === name).pop()!.controls[0] as unknown as { change__(v: unknown): Promise<void>; getValue(): unknown };
  expect(control("Entry style").getValue()).toBe("seed");
  expect(control("Group window (minutes)").getValue()).toBe("10");
  await control("Entry style").change__("list");
  await control("Group window (minutes)").change__("0");
  const saved = (JSON.parse(current.vault.readText(DATA_JSON)) as { settings: Record<string, unknown> }).settings;
  expect(saved).toMatchObject({ entryStyle: "list", groupWindowMinutes: 0 });
  expect(plugin.bitacoraSettings).toMatchObject({ entryStyle: "list", groupWindowMinutes: 0 });
});
