import { Setting } from "obsidian";
import type { DeviceSettings } from "../core/settings/settings";

/**
 * The transcription server section (docs/server.md). Every value is kept on this device: a
 * server on the office network is not reachable from home, and the API key must never travel
 * in data.json. With the address empty nothing is sent anywhere.
 */
export function displayServerSettings(containerEl: HTMLElement, device: () => DeviceSettings, save: (change: Partial<DeviceSettings>) => void): void {
  new Setting(containerEl).setName("Transcription server").setHeading();
  new Setting(containerEl)
    .setName("Server address")
    .setDesc(
      "An OpenAI-compatible transcription endpoint, e.g. http://gpu-box:8000/v1/audio/transcriptions (speaches, whisper.cpp's server, vLLM). " +
        "Recordings are sent there instead of being transcribed on this computer. Leave empty to send nothing anywhere. Stored on this device only.",
    )
    .addText((text) =>
      text
        .setPlaceholder("Empty: transcribe on this computer")
        .setValue(device().serverUrl)
        .onChange((value) => save({ serverUrl: value.trim() })),
    );
  new Setting(containerEl)
    .setName("Server model")
    .setDesc("The model name the server knows, e.g. Systran/faster-whisper-large-v3. Empty sends none (whisper.cpp's server uses the model it loaded).")
    .addText((text) => text.setValue(device().serverModel).onChange((value) => save({ serverModel: value.trim() })));
  new Setting(containerEl)
    .setName("Access token")
    .setDesc("The key the server gives its users, only if it asks for one. Stored on this device only, never in the synced settings or in any log.")
    .addText((text) => {
      text.inputEl.type = "password";
      text.setValue(device().serverApiKey).onChange((value) => save({ serverApiKey: value.trim() }));
    });
  new Setting(containerEl)
    .setName("Server timeout in seconds")
    .setDesc("How long one request may take before it is retried.")
    .addText((text) =>
      text.setValue(String(device().serverTimeoutSec)).onChange((value) => {
        const seconds = Number(value);
        if (Number.isFinite(seconds) && seconds >= 1) save({ serverTimeoutSec: Math.floor(seconds) });
      }),
    );
  new Setting(containerEl)
    .setName("Transcribe here when the server fails")
    .setDesc("After the retries, use the local Whisper model instead of marking the entry as an error.")
    .addToggle((toggle) => toggle.setValue(device().serverFallbackToLocal).onChange((value) => save({ serverFallbackToLocal: value })));
  new Setting(containerEl)
    .setName("Send whole recordings")
    .setDesc("For servers that skip silences themselves and label speakers: the recording goes as it is instead of in speech chunks.")
    .addToggle((toggle) => toggle.setValue(device().serverWholeFile).onChange((value) => save({ serverWholeFile: value })));
  new Setting(containerEl)
    .setName("Send vocabulary as hotwords")
    .setDesc("For speaches servers, which accept it besides the prompt.")
    .addToggle((toggle) => toggle.setValue(device().serverHotwords).onChange((value) => save({ serverHotwords: value })));
}
