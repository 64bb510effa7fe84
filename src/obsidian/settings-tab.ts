import { normalizePath, PluginSettingTab, Setting, type App } from "obsidian";
import type { BitacoraSettings, DeviceSettings } from "../core/settings/settings";
import type { DeviceSettingsStore } from "../core/settings/device-settings";
import { isLoopbackUrl, serverOrigin } from "../core/settings/server-approval";
import { defaultModelsDir } from "../engines/models/whisper-models";
import { addLanguageModelSettings } from "./language-model-settings";
import { addOcrLanguageSetting, type OcrLanguageDownloads } from "./ocr-language-setting";
import type { PluginDataStore } from "./plugin-data";
import { displayServerSettings } from "./server-settings";
import { keywordRulesFromText, keywordRulesToText, listFromText } from "./settings-text";

/** A note path as the user typed it, normalised and ending in .md. */
const noteFilePath = (value: string) => normalizePath(value.trim().endsWith(".md") ? value.trim() : `${value.trim()}.md`);

/** "Attachments, Inbox/Audio" → ["Attachments", "Inbox/Audio"], normalised; empty items dropped. */
export const parseFolderList = (text: string): string[] =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((folder) => normalizePath(folder));

export const parseExtensionList = (text: string): string[] =>
  text
    .split(",")
    .map((part) => part.trim().replace(/^\./, "").toLowerCase())
    .filter(Boolean);

/** Synced settings that are a choice among named strings, or on/off. */
type ChoiceKey = { [K in keyof BitacoraSettings]: BitacoraSettings[K] extends string ? K : never }[keyof BitacoraSettings];
type ToggleKey = { [K in keyof BitacoraSettings]: BitacoraSettings[K] extends boolean ? K : never }[keyof BitacoraSettings];

const THREAD_CHOICES = [1, 2, 3, 4, 6, 8, 12, 16];

const WHISPER_LANGUAGES: Record<string, string> = { auto: "Detect automatically", es: "Spanish", en: "English", pt: "Portuguese", fr: "French", de: "German" };

export class BitacoraSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: ConstructorParameters<typeof PluginSettingTab>[1],
    private readonly data: PluginDataStore,
    private readonly device: DeviceSettingsStore,
    private readonly downloadModel: () => void = () => undefined,
    private readonly downloadCaptioner: () => void = () => undefined,
    /** Which engines run on this device and their measured speed. */
    private readonly engineSummary: () => string = () => "",
    /** Downloads Tesseract's language data (the "OCR language data" row under Photos). */
    private readonly ocrDownloads?: OcrLanguageDownloads,
  ) {
    super(app, plugin);
  }

  // Services read settings through getters on every use, so saving is all a change needs.
  private async save(change: Partial<BitacoraSettings>): Promise<void> {
    await this.data.updateSettings(change);
  }

  private saveDevice(change: Partial<DeviceSettings>): void {
    this.device.update(change);
  }

  /** A dropdown for one synced choice; `after` runs once it is saved (to show the rows it governs). */
  private choice<K extends ChoiceKey>(el: HTMLElement, name: string, desc: string, key: K, options: Record<string, string>, after?: () => void): Setting {
    return new Setting(el)
      .setName(name)
      .setDesc(desc)
      .addDropdown((dropdown) =>
        dropdown
          .addOptions(options)
          .setValue(this.data.settings[key])
          .onChange(async (value) => {
            await this.save({ [key]: value });
            after?.();
          }),
      );
  }

  /** A path on this device (device-local, never synced). */
  private devicePath(el: HTMLElement, name: string, desc: string, key: "whisperModelPath" | "whisperCliPath", placeholder: string): Setting {
    return new Setting(el)
      .setName(name)
      .setDesc(desc)
      .addText((text) => text.setPlaceholder(placeholder).setValue(this.device.settings[key]).onChange((value) => this.saveDevice({ [key]: value.trim() })));
  }

  /** A toggle for one synced on/off setting. */
  private toggle(el: HTMLElement, name: string, desc: string, key: ToggleKey): Setting {
    return new Setting(el)
      .setName(name)
      .setDesc(desc)
      .addToggle((toggle) => toggle.setValue(this.data.settings[key]).onChange((value) => this.save({ [key]: value })));
  }

  override display(): void {
    const { containerEl } = this;
    const settings = this.data.settings;
    containerEl.empty();

    new Setting(containerEl).setName("Watching").setHeading();
    this.toggle(containerEl, "Process new attachments automatically", "Recordings and photos added to the watched folders enter the queue.", "watchEnabled");
    new Setting(containerEl)
      .setName("Watched folders")
      .setDesc("Comma-separated. Leave empty to watch the whole vault.")
      .addText((text) =>
        text
          .setPlaceholder("Attachments")
          .setValue(settings.watchedFolders.join(", "))
          .onChange((value) => this.save({ watchedFolders: parseFolderList(value) })),
      );
    new Setting(containerEl)
      .setName("Ignored folders")
      .setDesc("Comma-separated. Attachments here are never processed.")
      .addText((text) =>
        text.setValue(settings.ignoredFolders.join(", ")).onChange((value) => this.save({ ignoredFolders: parseFolderList(value) })),
      );
    new Setting(containerEl)
      .setName("File extensions")
      .setDesc("Comma-separated audio and image extensions to process.")
      .addText((text) =>
        text.setValue(settings.extensions.join(", ")).onChange((value) => this.save({ extensions: parseExtensionList(value) })),
      );
    this.choice(containerEl, "Attachments already in the vault", "What to do with existing attachments the first time Bitácora runs.", "firstRun", {
      "mark-existing-processed": "Leave them as they are",
      "queue-existing": "Process them",
    });

    new Setting(containerEl).setName("Log").setHeading();
    this.choice(
      containerEl,
      "Log location",
      "A log note per day in a folder, or your daily note (uses the Daily notes or Periodic Notes settings and template).",
      "logMode",
      { "log-folder": "A log note per day", "daily-note": "Daily note" },
      () => this.display(),
    );
    if (settings.logMode === "log-folder") {
      new Setting(containerEl)
        .setName("Log folder")
        .addText((text) =>
          text.setPlaceholder("Logs").setValue(settings.logFolder).onChange((value) => this.save({ logFolder: value.trim() ? normalizePath(value) : "" })),
        );
      new Setting(containerEl)
        .setName("Log note name")
        .setDesc("A date-fns pattern, for example yyyy-MM-dd.")
        .addText((text) =>
          text.setPlaceholder("yyyy-MM-dd").setValue(settings.logFileFormat).onChange((value) => this.save({ logFileFormat: value.trim() || "yyyy-MM-dd" })),
        );
    }
    this.choice(containerEl, "Log language", "Language of the labels Bitácora writes.", "logLanguage", { es: "Spanish", en: "English" });
    this.choice(containerEl, "Entry style", "How new log notes write entries. A note that already has entries keeps its own style.", "entryStyle", {
      seed: "Seed lines (HH:MM title, status:: lines, ---)",
      list: "Dataview list items (## HH:MM, [status:: …])",
    });
    new Setting(containerEl)
      .setName("Group window (minutes)")
      .setDesc("Photos and recordings taken within this many minutes of each other share one entry; set it to 0 to turn grouping off.")
      .addText((text) =>
        text.setPlaceholder("10").setValue(String(settings.groupWindowMinutes)).onChange(async (value) => {
          const minutes = Number(value);
          if (value.trim() !== "" && Number.isFinite(minutes) && minutes >= 0) await this.save({ groupWindowMinutes: Math.floor(minutes) });
        }),
      );
    this.choice(
      containerEl,
      "Default area",
      "Area of an entry when nothing in it suggests another.",
      "defaultArea",
      Object.fromEntries(settings.areas.map((area) => [area, area])),
    );
    new Setting(containerEl)
      .setName("Areas")
      .setDesc("Comma-separated. Entries get one of these areas.")
      .addText((text) => text.setValue(settings.areas.join(", ")).onChange((value) => this.save({ areas: listFromText(value) })));
    new Setting(containerEl)
      .setName("Area keywords")
      .setDesc("One line per area, for example: DevOps: deploy, kubernetes. These words weigh more than the built-in ones.")
      .addTextArea((text) =>
        text.setValue(keywordRulesToText(settings.areaKeywords)).onChange((value) => this.save({ areaKeywords: keywordRulesFromText(value) })),
      );

    new Setting(containerEl).setName("Dashboards").setHeading();
    new Setting(containerEl)
      .setName("Sprint length in days")
      .addText((text) =>
        text.setValue(String(settings.sprintLengthDays)).onChange((value) => {
          const days = Number(value);
          if (Number.isInteger(days) && days > 0) void this.save({ sprintLengthDays: days });
        }),
      );
    new Setting(containerEl)
      .setName("First day of the first sprint")
      .setDesc("As year-month-day, for example 2025-07-21.")
      .addText((text) =>
        text.setValue(settings.sprintFirstDay).onChange((value) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) void this.save({ sprintFirstDay: value.trim() });
        }),
      );
    const dashboardWhen = "Created when the first entry lands, or by the update dashboards command. Off: never written.";
    this.toggle(containerEl, "Sprint dashboard", dashboardWhen, "sprintDashboardEnabled");
    this.toggle(containerEl, "Deployments dashboard", dashboardWhen, "deploymentDashboardEnabled");
    new Setting(containerEl)
      .setName("Sprint dashboard note")
      .addText((text) => text.setValue(settings.sprintDashboardPath).onChange((value) => this.save({ sprintDashboardPath: noteFilePath(value) })));
    new Setting(containerEl)
      .setName("Deployments dashboard note")
      .addText((text) =>
        text.setValue(settings.deploymentDashboardPath).onChange((value) => this.save({ deploymentDashboardPath: noteFilePath(value) })),
      );

    new Setting(containerEl).setName("This device").setHeading();
    new Setting(containerEl).setName("Engines in use").setDesc(this.engineSummary());
    new Setting(containerEl)
      .setName("Process attachments on this device")
      .setDesc("Turn off on a second computer that syncs the same vault, so only one of them processes new attachments. Commands still process on request. Stored on this device only.")
      .addToggle((toggle) =>
        toggle.setValue(this.device.settings.processOnThisDevice).onChange((value) => this.saveDevice({ processOnThisDevice: value })),
      );

    new Setting(containerEl).setName("Transcription").setHeading();
    this.choice(containerEl, "Spoken language", "Choosing the language avoids wrong automatic detection on short clips.", "whisperLanguage", WHISPER_LANGUAGES);
    this.devicePath(containerEl, "Whisper model file", "Path to a ggml model on this device. Stored on this device only, not synced.", "whisperModelPath", "/path/to/ggml-base.bin")
      .addButton((button) =>
        button
          .setButtonText("Download Whisper model")
          .setTooltip("Download an official model from the whisper.cpp project, with a SHA-256 check")
          .onClick(() => this.downloadModel()),
      );
    this.devicePath(
      containerEl,
      "Whisper.cpp program (optional)",
      "Path to whisper.cpp's own whisper-cli, for example a build with GPU support. Leave empty to use one installed on this computer (found on the path, in Homebrew, winget or scoop) or else the built-in engine. Stored on this device only.",
      "whisperCliPath",
      "Leave empty to use the built-in engine",
    );
    new Setting(containerEl)
      .setName("Processing threads")
      .setDesc("CPU threads used on this device. Stored on this device only.")
      .addDropdown((dropdown) =>
        dropdown
          .addOptions(Object.fromEntries(THREAD_CHOICES.map((n) => [String(n), String(n)])))
          .setValue(String(this.device.settings.threads))
          .onChange((value) => this.saveDevice({ threads: Number(value) })),
      );

    displayServerSettings(containerEl, () => this.device.settings, (change) => this.saveDevice(change));

    new Setting(containerEl).setName("Photos").setHeading();
    if (this.ocrDownloads) addOcrLanguageSetting(containerEl, this.ocrDownloads, this.device.settings.modelsDir || defaultModelsDir());
    this.choice(
      containerEl,
      "Describe what photos show",
      "Besides the text in a photo: nothing, a local captioning model (captions in english, a download of about 244 megabytes), or a vision model served by Ollama on a computer you choose.",
      "captioner",
      { none: "Text only", onnx: "Local model", ollama: "Ollama" },
    ).addButton((button) => button.setButtonText("Download local model").onClick(() => this.downloadCaptioner()));
    new Setting(containerEl)
      .setName("Ollama address")
      .setDesc("Only used with Ollama. Nothing is sent anywhere else.")
      .addText((text) => text.setValue(settings.ollamaUrl).onChange((value) => this.save({ ollamaUrl: value.trim() })));
    this.showServerApproval(containerEl, settings.ollamaUrl);
    new Setting(containerEl)
      .setName("Ollama model")
      .setDesc("A vision model you have pulled in Ollama, for example llava.")
      .addText((text) => text.setValue(settings.ollamaModel).onChange((value) => this.save({ ollamaModel: value.trim() })));

    addLanguageModelSettings(containerEl, settings, (change) => void this.save(change));
    this.showServerApproval(containerEl, settings.languageModelUrl, "transcripts and recognised text");

    new Setting(containerEl).setName("Privacy").setHeading();
    this.toggle(containerEl, "Write photo locations", "Adds GPS coordinates from photos to entries. Off by default.", "includeGps");
  }

  /**
   * The address syncs with the vault, so a photo leaves this computer only after the user allows
   * that address here (device-local); the address is shown as it is.
   */
  private showServerApproval(containerEl: HTMLElement, url: string, what = "photos"): void {
    const origin = serverOrigin(url);
    if (!origin || isLoopbackUrl(url)) return;
    const approved = this.device.settings.approvedServers;
    new Setting(containerEl)
      .setName(`Send ${what} to ${origin}`)
      .setDesc(`This address is another computer: ${what} will leave this one. It comes from the synced settings, so allow it on each device where you want it.`)
      .addToggle((toggle) =>
        toggle
          .setValue(approved.includes(origin))
          .onChange((value) =>
            this.saveDevice({ approvedServers: value ? [...approved.filter((o) => o !== origin), origin] : approved.filter((o) => o !== origin) }),
          ),
      );
  }
}
