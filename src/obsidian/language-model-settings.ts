/** The settings tab's "Language model" section: off by default, and where entries' text would go is said plainly. */
import { Setting } from "obsidian";
import { isLoopbackUrl, serverOrigin } from "../core/settings/server-approval";
import type { BitacoraSettings } from "../core/settings/settings";

export function addLanguageModelSettings(containerEl: HTMLElement, settings: BitacoraSettings, save: (patch: Partial<BitacoraSettings>) => void): void {
  new Setting(containerEl).setName("Language model").setHeading();
  new Setting(containerEl)
    .setName("Improve entries with a language model")
    .setDesc("Off by default. When on, each entry's transcript and recognised text are sent to the address below. Figures and quotes the model invents are dropped; if it does not answer in time the entry keeps its local text.")
    .addToggle((toggle) => toggle.setValue(settings.languageModelEnabled).onChange((value) => save({ languageModelEnabled: value })));
  new Setting(containerEl)
    .setName("Server type")
    .addDropdown((dropdown) =>
      dropdown
        .addOptions({ ollama: "Ollama", openai: "OpenAI-compatible" })
        .setValue(settings.languageModelApi)
        .onChange((value) => save({ languageModelApi: value as BitacoraSettings["languageModelApi"] })),
    );
  new Setting(containerEl)
    .setName("Server address")
    .setDesc(addressNote(settings.languageModelUrl))
    .addText((text) => text.setValue(settings.languageModelUrl).onChange((value) => save({ languageModelUrl: value.trim() })));
  new Setting(containerEl)
    .setName("Model name")
    .setDesc("For example llama3.2 or qwen2.5. Nothing is sent while this is empty.")
    .addText((text) => text.setValue(settings.languageModelName).onChange((value) => save({ languageModelName: value.trim() })));
  new Setting(containerEl)
    .setName("Time limit (seconds)")
    .setDesc("After this the entry keeps its local text.")
    .addText((text) =>
      text.setValue(String(settings.languageModelTimeoutMs / 1000)).onChange((value) => {
        const seconds = Number(value);
        if (Number.isFinite(seconds) && seconds >= 1) save({ languageModelTimeoutMs: Math.round(seconds * 1000) });
      }),
    );
  const parts: [keyof BitacoraSettings & `languageModelWrites${string}`, string][] = [
    ["languageModelWritesTitle", "May write the title"],
    ["languageModelWritesKeyPoints", "May write the key points"],
    ["languageModelWritesDescription", "May write the photo description"],
  ];
  for (const [key, name] of parts) {
    new Setting(containerEl).setName(name).addToggle((toggle) => toggle.setValue(settings[key]).onChange((value) => save({ [key]: value })));
  }
}

/** A server on another computer is named as such: the entries' text would leave this one. */
function addressNote(url: string): string {
  const origin = serverOrigin(url);
  if (!origin) return "Not a valid http(s) address: nothing will be sent.";
  if (isLoopbackUrl(url)) return "This computer. Nothing is sent anywhere else.";
  return `Another computer: transcripts and recognised text will be sent to ${origin}.`;
}
