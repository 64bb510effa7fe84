import type { LogLanguage } from "../processing/engine-options";
import type { EmotionFindings } from "../processing/processor-port";
import { analyseDescription } from "./emotion-analysis";
import { EMOTION_LABELS } from "./fusion";

/**
 * The emotion of a moment of several attachments: this attachment's own emotion when it is not
 * neutral (voice and words), else what the moment's combined words show (its other recordings'
 * transcripts, its photos' descriptions), so a neutral photo added to a frustrated voice note
 * does not make the moment neutral. Undefined when this attachment found no emotion (the moment
 * keeps what its other attachments gave it). Pure.
 */
export function momentEmotion(own: EmotionFindings | undefined, combinedText: string, language: LogLanguage): string | undefined {
  // No finding of its own: the moment keeps the emotion its other attachments gave it.
  if (!own || own.label !== EMOTION_LABELS[language].neutral) return own?.label;
  const fromWords = analyseDescription(combinedText, language);
  return fromWords.key === "neutral" ? own.label : fromWords.label;
}
