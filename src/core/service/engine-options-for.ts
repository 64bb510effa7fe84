import type { EngineOptions, ServerOptions } from "../processing/engine-options";
import type { BitacoraSettings, DeviceSettings } from "../settings/settings";
import type { TopicNote } from "./entry-enricher";
import { serverApproved } from "../settings/server-approval";
import { vocabularyPrompt, type RecentEntry } from "../vocabulary/vocabulary-prompt";

/** What the vocabulary prompt knows about the job besides the topics. */
export interface PromptContext {
  recordingPath: string;
  recent: RecentEntry[];
}

/**
 * Topic names and aliases and recent entry titles, spelled as the vault spells them, so Whisper
 * writes project terms that way; phrased in the recording's language (the log's when Whisper detects it).
 */
export function initialPromptFrom(settings: BitacoraSettings, topics: TopicNote[], context: PromptContext = { recordingPath: "", recent: [] }): string | undefined {
  const language = settings.whisperLanguage && settings.whisperLanguage !== "auto" ? settings.whisperLanguage : settings.logLanguage;
  return vocabularyPrompt({ topics, recent: context.recent, recordingPath: context.recordingPath, language });
}

export function engineOptionsFor(settings: BitacoraSettings, device: DeviceSettings, topics: TopicNote[], context?: PromptContext): EngineOptions {
  return {
    logLanguage: settings.logLanguage,
    modelsDir: device.modelsDir,
    whisperModelPath: device.whisperModelPath || undefined,
    whisperCliPath: device.whisperCliPath || undefined,
    whisperLanguage: settings.whisperLanguage,
    initialPrompt: initialPromptFrom(settings, topics, context),
    threads: device.threads,
    timeoutSec: device.timeoutSec,
    includeGps: settings.includeGps,
    captioner: settings.captioner,
    // An address from synced settings is used only when it is this computer or approved on this device.
    ollama:
      settings.captioner === "ollama" && serverApproved(settings.ollamaUrl, device.approvedServers)
        ? { url: settings.ollamaUrl, model: settings.ollamaModel }
        : undefined,
    server: serverOptionsFor(device),
  };
}

/** Nothing goes to a server unless the user typed its URL on this device. */
function serverOptionsFor(device: DeviceSettings): ServerOptions | undefined {
  const url = device.serverUrl.trim();
  if (!url) return undefined;
  return {
    url,
    model: device.serverModel.trim(),
    apiKey: device.serverApiKey.trim() || undefined,
    timeoutSec: device.serverTimeoutSec,
    fallbackToLocal: device.serverFallbackToLocal,
    wholeFile: device.serverWholeFile,
    hotwords: device.serverHotwords,
  };
}
