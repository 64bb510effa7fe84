/**
 * Asks the optional language model to improve an entry's title, key points and description,
 * keeps only what the source supports, and falls back to the local result on any failure:
 * the model is never needed for an entry to be written.
 */
import type { LanguageModelPort, LanguageModelSettings } from "./language-model";
import { entryPrompt, type EntrySource } from "./prompt";
import { checkAnswer, parseModelAnswer } from "./verify";

export interface EntryText {
  title: string;
  keyPoints: string[];
  description?: string;
}

export interface RefinedEntryText extends EntryText {
  /** "model" when anything the model wrote was kept; otherwise "local" and why. */
  source: "model" | "local";
  reason?: string;
  dropped: string[];
}

export async function refineEntryText(
  local: EntryText,
  source: EntrySource,
  model: LanguageModelPort,
  settings: Pick<LanguageModelSettings, "timeoutMs">,
  signal?: AbortSignal,
): Promise<RefinedEntryText> {
  let reply: string;
  try {
    reply = await model.complete(entryPrompt(source), { timeoutMs: settings.timeoutMs, signal });
  } catch (error) {
    return { ...local, source: "local", reason: (error as Error).message, dropped: [] };
  }
  const answer = parseModelAnswer(reply);
  if (!answer) return { ...local, source: "local", reason: "The model's reply was not the JSON asked for.", dropped: [] };
  const checked = checkAnswer(answer, [source.transcript, source.ocrText].filter(Boolean).join("\n"));
  const keyPoints = checked.keyPoints?.length ? checked.keyPoints : local.keyPoints;
  const result: EntryText = {
    title: checked.title ?? local.title,
    keyPoints,
    description: source.ocrText || source.description ? (checked.description ?? local.description) : local.description,
  };
  const used = result.title !== local.title || result.keyPoints !== local.keyPoints || result.description !== local.description;
  return { ...result, source: used ? "model" : "local", reason: used ? undefined : "Nothing the model wrote was supported by the source.", dropped: checked.dropped };
}
