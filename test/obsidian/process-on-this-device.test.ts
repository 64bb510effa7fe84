/**
 * Two desktops syncing one vault: "Process attachments on this device" (device-local) is off on
 * one of them, which then leaves new attachments to the other; commands still work there.
 */
import { App, Setting } from "../obsidian-stand-in/obsidian";
import { DATA_JSON, TEST_WHISPER_MODEL, bytesOf, perTestVault, presetSettings, startPlugin, stopPlugin, waitFor } from "./harness";

const current = perTestVault();

async function deviceWithProcessing(on: boolean): Promise<App> {
  const app = await App.create__(current.vault.dir);
  app.saveLocalStorage("bitacora-device-settings", { whisperModelPath: TEST_WHISPER_MODEL, processOnThisDevice: on });
  return app;
}

test("with the toggle off, a new attachment gets no job and no entry here; the command still processes it", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault, await deviceWithProcessing(false));
  current.stop = () => stopPlugin(app, plugin);
  await app.vault.createFolder("Attachments");
  await app.vault.createBinary("Attachments/IMG_20250730_084510.jpg", bytesOf("photos_coco/000000000802.jpg"));
  // Long enough for the watcher's delivery and the 150 ms stability wait, were it to queue the file.
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(plugin.queue.snapshot().jobs).toEqual([]);
  expect(app.vault.getFolderByPath("Logs")).toBeNull();

  app.workspace.activeFile__ = app.vault.getFileByPath("Attachments/IMG_20250730_084510.jpg") as never;
  await app.runCommand__("bitacora:process-attachment");
  const log = await waitFor(() => app.vault.getFileByPath("Logs/2025-07-30.md") ?? undefined, 60000);
  await waitFor(async () => /status:: (Processed|Error)/.test(await app.vault.read(log)), 60000);
  expect(await app.vault.read(log)).toMatch(/status:: Processed/);
}, 90000);

test("the toggle is in settings, on by default, and stays on this device (not in data.json)", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  app.settingTabs__[0].display();
  const toggle = Setting.all__.filter((s) => s.nameEl.getText() === "Process attachments on this device").pop()!.controls[0] as unknown as {
    getValue(): unknown;
    change__(value: unknown): Promise<void>;
  };
  expect(toggle.getValue()).toBe(true);
  await toggle.change__(false);
  expect(app.loadLocalStorage("bitacora-device-settings")).toMatchObject({ processOnThisDevice: false });
  expect(current.vault.readText(DATA_JSON)).not.toContain("processOnThisDevice");
});
