/** Device settings through the storage port, with its in-memory twin (Obsidian's localStorage is not here). */
import { DEVICE_SETTINGS_KEY, DeviceSettingsStore, MemoryDeviceStorage, sanitizeDeviceSettings } from "../../../src/core/settings/device-settings";
import { DEFAULT_DEVICE_SETTINGS } from "../../../src/core/settings/settings";

test.each([undefined, null, "text", 7, []])("%p becomes the defaults", (raw) => {
  expect(sanitizeDeviceSettings(raw)).toEqual(DEFAULT_DEVICE_SETTINGS);
});

test("wrong types and out-of-range counts fall back; paths are trimmed; counts are whole", () => {
  expect(
    sanitizeDeviceSettings({ whisperModelPath: "  /m/ggml.bin ", whisperCliPath: 3, threads: 0, timeoutSec: 90.7, processOnThisDevice: "yes", approvedServers: ["http://a", 1] }),
  ).toEqual({ ...DEFAULT_DEVICE_SETTINGS, whisperModelPath: "/m/ggml.bin", timeoutSec: 90, approvedServers: ["http://a"] });
});

test("the store loads what the device kept, saves sanitised changes and tells listeners", () => {
  const storage = new MemoryDeviceStorage();
  storage.save(DEVICE_SETTINGS_KEY, { threads: 4, whisperModelPath: "/m/a.bin" });
  const store = new DeviceSettingsStore(storage);
  expect(store.load()).toMatchObject({ threads: 4, whisperModelPath: "/m/a.bin" });
  const heard: string[] = [];
  store.onChange((settings) => heard.push(settings.whisperModelPath));
  store.update({ whisperModelPath: " /m/b.bin ", threads: -2 });
  expect(heard).toEqual(["/m/b.bin"]);
  expect(storage.load(DEVICE_SETTINGS_KEY)).toMatchObject({ whisperModelPath: "/m/b.bin", threads: DEFAULT_DEVICE_SETTINGS.threads });
  expect(new DeviceSettingsStore(storage).load()).toEqual(store.settings);
});
