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

  override display(): void {
    const { containerEl } = this;
    const settings = this.data.settings;
    containerEl.empty();

    new Setting(containerEl).setName("Watching").setHeading();
    new Setting(containerEl)
      .setName("Process new attachments automatically")
      .setDesc("Recordings and photos added to the watched folders enter the queue.")
      .addToggle((toggle) => toggle.setValue(settings.watchEnabled).onChange((value) => this.save({ watchEnabled: value })));
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
    new Setting(containerEl)
      .setName("Attachments already in the vault")
      .setDesc("What to do with existing attachments the first time Bitácora runs.")
      .addDropdown((dropdown) =>
        dropdown
          .addOptions({ "mark-existing-processed": "Leave them as they are", "queue-existing": "Process them" })
          .setValue(settings.firstRun)
          .onChange((value) => this.save({ firstRun: value as BitacoraSettings["firstRun"] })),
      );

    new Setting(containerEl).setName("Log").setHeading();
    new Setting(containerEl)
      .setName("Log location")
      .setDesc("A log note per day in a folder, or your daily note (uses the Daily notes or Periodic Notes settings and template).")
      .addDropdown((dropdown) =>
        dropdown
          .addOptions({ "log-folder": "A log note per day", "daily-note": "Daily note" })
          .setValue(settings.logMode)
          .onChange(async (value) => {
            await this.save({ logMode: value as BitacoraSettings["logMode"] });
            this.display();
          }),
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
    new Setting(containerEl)
      .setName("Log language")
      .setDesc("Language of the labels Bitácora writes.")
      .addDropdown((dropdown) =>
        dropdown
          .addOptions({ es: "Spanish", en: "English" })
          .setValue(settings.logLanguage)
          .onChange((value) => this.save({ logLanguage: value as BitacoraSettings["logLanguage"] })),
      );
    new Setting(containerEl)
      .setName("Entry style")
      .setDesc("How new log notes write entries. A note that already has entries keeps its own style.")
      .addDropdown((dropdown) =>
        dropdown
          .addOptions({ seed: "Seed lines (HH:MM title, status:: lines, ---)", list: "Dataview list items (## HH:MM, [status:: …])" })
          .setValue(settings.entryStyle)
          .onChange((value) => this.save({ entryStyle: value as BitacoraSettings["entryStyle"] })),
      );
    new Setting(containerEl)
      .setName("Group window (minutes)")
      .setDesc("Photos and recordings taken within this many minutes of each other share one entry; set it to 0 to turn grouping off.")
      .addText((text) =>
        text.setPlaceholder("10").setValue(String(settings.groupWindowMinutes)).onChange(async (value) => {
          const minutes = Number(value);
          if (value.trim() !== "" && Number.isFinite(minutes) && minutes >= 0) await this.save({ groupWindowMinutes: Math.floor(minutes) });
        }),
      );
    new Setting(containerEl)
      .setName("Default area")
      .setDesc("Area of an entry when nothing in it suggests another.")
      .addDropdown((dropdown) =>
        dropdown
          .addOptions(Object.fromEntries(settings.areas.map((area) => [area, area])))
          .setValue(settings.defaultArea)
          .onChange((value) => this.save({ defaultArea: value })),
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
    new Setting(containerEl)
      .setName("Sprint dashboard")
      .setDesc("Created when the first entry lands, or by the update dashboards command. Off: never written.")
      .addToggle((toggle) => toggle.setValue(settings.sprintDashboardEnabled).onChange((value) => this.save({ sprintDashboardEnabled: value })));
    new Setting(containerEl)
      .setName("Deployments dashboard")
      .setDesc("Created when the first entry lands, or by the update dashboards command. Off: never written.")
      .addToggle((toggle) => toggle.setValue(settings.deploymentDashboardEnabled).onChange((value) => this.save({ deploymentDashboardEnabled: value })));
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
    new Setting(containerEl)
      .setName("Spoken language")
      .setDesc("Choosing the language avoids wrong automatic detection on short clips.")
      .addDropdown((dropdown) =>
        dropdown
          .addOptions(WHISPER_LANGUAGES)
          .setValue(settings.whisperLanguage)
          .onChange((value) => this.save({ whisperLanguage: value })),
      );
    new Setting(containerEl)
      .setName("Whisper model file")
      .setDesc("Path to a ggml model on this device. Stored on this device only, not synced.")
      .addText((text) =>
        text
          .setPlaceholder("/path/to/ggml-base.bin")
          .setValue(this.device.settings.whisperModelPath)
          .onChange((value) => this.saveDevice({ whisperModelPath: value.trim() })),
      )
      .addButton((button) =>
        button
          .setButtonText("Download Whisper model")
          .setTooltip("Download an official model from the whisper.cpp project, with a SHA-256 check")
          .onClick(() => this.downloadModel()),
      );
    new Setting(containerEl)
      .setName("Whisper.cpp program (optional)")
      .setDesc("Path to whisper.cpp's own whisper-cli, for example a build with GPU support. Leave empty to use one installed on this computer (found on the path, in Homebrew, winget or scoop) or else the built-in engine. Stored on this device only.")
      .addText((text) =>
        text
          .setPlaceholder("Leave empty to use the built-in engine")
          .setValue(this.device.settings.whisperCliPath)
          .onChange((value) => this.saveDevice({ whisperCliPath: value.trim() })),
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
    new Setting(containerEl)
      .setName("Describe what photos show")
      .setDesc("Besides the text in a photo: nothing, a local captioning model (captions in english, a download of about 244 megabytes), or a vision model served by Ollama on a computer you choose.")
      .addDropdown((dropdown) =>
        dropdown
          .addOptions({ none: "Text only", onnx: "Local model", ollama: "Ollama" })
          .setValue(settings.captioner)
          .onChange((value) => this.save({ captioner: value as BitacoraSettings["captioner"] })),
      )
      .addButton((button) => button.setButtonText("Download local model").onClick(() => this.downloadCaptioner()));
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
    new Setting(containerEl)
      .setName("Write photo locations")
      .setDesc("Adds GPS coordinates from photos to entries. Off by default.")
      .addToggle((toggle) => toggle.setValue(settings.includeGps).onChange((value) => this.save({ includeGps: value })));
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
