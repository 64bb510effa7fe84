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

/** The settings tab's "Process attachments on this device" toggle, as a user flips it. */
function processingToggle(app: App) {
  app.settingTabs__[0].display();
  return Setting.all__.filter((s) => s.nameEl.getText() === "Process attachments on this device").pop()!.controls[0] as unknown as {
    getValue(): unknown;
    change__(value: unknown): Promise<void>;
  };
}

test("with the toggle off, a new attachment gets no job and no entry here; the command still processes it", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault, await deviceWithProcessing(false));
  current.stop = () => stopPlugin(app, plugin);
  await app.vault.createFolder("Attachments");
  await app.vault.createBinary("Attachments/IMG_20250730_084510.jpg", bytesOf("photos_coco/000000000802.jpg"));
  // Events reach the watcher in order: once a file created after turning the toggle on has its
  // job, the first file's event was delivered too, and it was left alone.
  await processingToggle(app).change__(true);
  await app.vault.createBinary("Attachments/IMG_20250730_094510.jpg", bytesOf("photos_coco/000000011813.jpg"));
  await waitFor(() => plugin.queue.snapshot().jobs.length > 0);
  expect(plugin.queue.snapshot().jobs.map((job) => job.path)).toEqual(["Attachments/IMG_20250730_094510.jpg"]);
  await plugin.queue.idle();
  expect(await app.vault.read(app.vault.getFileByPath("Logs/2025-07-30.md")!)).not.toContain("IMG_20250730_084510.jpg");

  app.workspace.activeFile__ = app.vault.getFileByPath("Attachments/IMG_20250730_084510.jpg") as never;
  await app.runCommand__("bitacora:process-attachment");
  await waitFor(() => plugin.queue.snapshot().jobs.some((job) => job.path.endsWith("084510.jpg") && job.state === "done"), 60000);
  expect(await app.vault.read(app.vault.getFileByPath("Logs/2025-07-30.md")!)).toContain("IMG_20250730_084510.jpg");
}, 90000);

test("the toggle is in settings, on by default, and stays on this device (not in data.json)", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  const toggle = processingToggle(app);
  expect(toggle.getValue()).toBe(true);
  await toggle.change__(false);
  expect(app.loadLocalStorage("bitacora-device-settings")).toMatchObject({ processOnThisDevice: false });
  expect(current.vault.readText(DATA_JSON)).not.toContain("processOnThisDevice");
});
