import type { EngineOptions } from "../processing/engine-options";
import type { BitacoraSettings, DeviceSettings } from "../settings/settings";
import type { TopicNote } from "./entry-enricher";

/** Whisper reads at most ~224 prompt tokens; a few hundred characters of names is plenty. */
const PROMPT_LIMIT = 600;

export function initialPromptFrom(topics: TopicNote[]): string | undefined {
  const names = [...new Set(topics.flatMap((topic) => [topic.name.replace(/_/g, " "), ...topic.aliases]))];
  let prompt = "";
  for (const name of names) {
    if (prompt.length + name.length + 2 > PROMPT_LIMIT) break;
    prompt += prompt ? `, ${name}` : name;
  }
  return prompt || undefined;
}

export function engineOptionsFor(settings: BitacoraSettings, device: DeviceSettings, topics: TopicNote[]): EngineOptions {
  return {
    logLanguage: settings.logLanguage,
    modelsDir: device.modelsDir,
    whisperModelPath: device.whisperModelPath || undefined,
    whisperLanguage: settings.whisperLanguage,
    initialPrompt: initialPromptFrom(topics),
    threads: device.threads,
    timeoutSec: device.timeoutSec,
    includeGps: settings.includeGps,
    ollama: settings.captioner === "ollama" ? { url: settings.ollamaUrl, model: settings.ollamaModel } : undefined,
  };
}
