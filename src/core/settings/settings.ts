import type { LogLanguage } from "../processing/engine-options";
import type { EntryStyle } from "../log/structure";
import { AUDIO_EXTENSIONS, IMAGE_EXTENSIONS } from "../media";

/** Where entries go: a log note per day, or the user's daily note (core Daily notes / Periodic Notes). */
export type LogLocationMode = "log-folder" | "daily-note";
/** What happens on first run to attachments already in the vault. */
export type FirstRunBehaviour = "mark-existing-processed" | "queue-existing";

/** Synced settings (data.json). Device-local paths live in DeviceSettings instead. */
export interface BitacoraSettings {
  settingsVersion: number;
  watchEnabled: boolean;
  /** Folders watched; empty means the whole vault. */
  watchedFolders: string[];
  ignoredFolders: string[];
  extensions: string[];
  logMode: LogLocationMode;
  logFolder: string;
  /** date-fns pattern for the log note name, e.g. "yyyy-MM-dd". */
  logFileFormat: string;
  logLanguage: LogLanguage;
  /** Style of entries in a note that has none yet: seed 000's lines (default) or Dataview list items. */
  entryStyle: EntryStyle;
  /** Attachments captured within this many minutes of each other share one entry; 0 turns grouping off. */
  groupWindowMinutes: number;
  areas: string[];
  defaultArea: string;
  /** Keyword rules: a text containing any keyword goes to the area. */
  areaKeywords: Record<string, string[]>;
  firstRun: FirstRunBehaviour;
  /** Set once the first-run behaviour has been applied. */
  firstRunDone: boolean;
  whisperLanguage: string;
  includeGps: boolean;
  /** How long a file must stop growing before it is processed (sync clients write in pieces). */
  stableForMs: number;
  maxAttempts: number;
  sprintLengthDays: number;
  sprintFirstDay: string;
  sprintDashboardPath: string;
  deploymentDashboardPath: string;
  /** Off: the Sprint note is never created or written (not even by "Update dashboards"). */
  sprintDashboardEnabled: boolean;
  /** Off: the Deployments note is never created or written. */
  deploymentDashboardEnabled: boolean;
  ollamaUrl: string;
  ollamaModel: string;
  captioner: "none" | "onnx" | "ollama";
  /** Optional language model (off by default): nothing is sent unless the user turns it on. */
  languageModelEnabled: boolean;
  languageModelApi: "openai" | "ollama";
  languageModelUrl: string;
  languageModelName: string;
  languageModelTimeoutMs: number;
  /** Which parts of an entry the model may write. */
  languageModelWritesTitle: boolean;
  languageModelWritesKeyPoints: boolean;
  languageModelWritesDescription: boolean;
}

/** Per-device settings kept out of the synced data.json (binaries and models differ per machine). */
export interface DeviceSettings {
  /**
   * New attachments are processed on this device. Off on a second synced desktop, so the two do
   * not both process the same file (commands still process on request).
   */
  processOnThisDevice: boolean;
  whisperModelPath: string;
  /** Optional whisper.cpp CLI binary; empty uses the bundled N-API binding. */
  whisperCliPath: string;
  modelsDir: string;
  threads: number;
  timeoutSec: number;
  /** Server origins (e.g. an Ollama on another computer) the user approved on this device. */
  approvedServers: string[];
  /**
   * Transcription server (docs/server.md). Empty URL: nothing is sent anywhere. Kept on this
   * device: a server reachable from the office is not from home, and the key never syncs.
   */
  serverUrl: string;
  serverModel: string;
  /** Bearer token; never written to data.json or to any log. */
  serverApiKey: string;
  serverTimeoutSec: number;
  /** When the server fails after its retries, transcribe on this machine instead. */
  serverFallbackToLocal: boolean;
  /** Send the whole recording (servers with their own VAD) instead of VAD-cut chunks. */
  serverWholeFile: boolean;
  /** Also send the vocabulary as `hotwords` (speaches / faster-whisper). */
  serverHotwords: boolean;
}

export const CURRENT_SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: BitacoraSettings = {
  settingsVersion: CURRENT_SETTINGS_VERSION,
  watchEnabled: true,
  watchedFolders: [],
  ignoredFolders: [],
  extensions: [...AUDIO_EXTENSIONS, ...IMAGE_EXTENSIONS],
  logMode: "log-folder",
  logFolder: "Logs",
  logFileFormat: "yyyy-MM-dd",
  logLanguage: "es",
  entryStyle: "seed",
  groupWindowMinutes: 10,
  areas: ["Technical", "Data Collection", "DevOps", "Team Management", "Quality Assurance"],
  defaultArea: "Technical",
  areaKeywords: {},
  firstRun: "mark-existing-processed",
  firstRunDone: false,
  whisperLanguage: "auto",
  includeGps: false,
  stableForMs: 2000,
  maxAttempts: 3,
  sprintLengthDays: 14,
  sprintFirstDay: "2025-07-21",
  sprintDashboardPath: "Dashboards/Sprint.md",
  deploymentDashboardPath: "Dashboards/Deployments.md",
  sprintDashboardEnabled: true,
  deploymentDashboardEnabled: true,
  ollamaUrl: "http://127.0.0.1:11434",
  ollamaModel: "llava",
  captioner: "none",
  languageModelEnabled: false,
  languageModelApi: "ollama",
  languageModelUrl: "http://127.0.0.1:11434",
  languageModelName: "",
  languageModelTimeoutMs: 20_000,
  languageModelWritesTitle: true,
  languageModelWritesKeyPoints: true,
  languageModelWritesDescription: true,
};

export const DEFAULT_DEVICE_SETTINGS: DeviceSettings = {
  processOnThisDevice: true,
  whisperModelPath: "",
  whisperCliPath: "",
  modelsDir: "",
  threads: 2,
  timeoutSec: 3600,
  approvedServers: [],
  serverUrl: "",
  serverModel: "",
  serverApiKey: "",
  serverTimeoutSec: 600,
  serverFallbackToLocal: true,
  serverWholeFile: false,
  serverHotwords: false,
};
