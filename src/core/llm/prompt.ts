/** The request the language model gets: the entry's own words, and what to write back as JSON. */
import type { LogLanguage } from "../processing/engine-options";
import type { ChatImage, ChatMessage } from "./language-model";

export interface EntrySource {
  language: LogLanguage;
  transcript?: string;
  /** Text read on the photo, one line per row. */
  ocrText?: string;
  /** The local description, for the model to improve. */
  description?: string;
  /** The photo itself, for vision models; what they claim is still checked against the text above. */
  image?: ChatImage;
}

const INSTRUCTIONS: Record<LogLanguage, string> = {
  es:
    "Eres el asistente de una bitácora de investigación. Escribe en español. Responde solo con JSON: " +
    '{"title": título corto que nombra la actividad y su objeto, "keyPoints": lista de resultados, decisiones y próximos pasos, ' +
    '"description": descripción de la imagen en una o dos oraciones (o null si no hay imagen)}. ' +
    "Usa solo datos y cifras que aparecen en el texto dado; no inventes nada.",
  en:
    "You assist a research log. Write in English. Answer with JSON only: " +
    '{"title": short title naming the activity and its object, "keyPoints": list of results, decisions and next steps, ' +
    '"description": one or two sentences describing the picture (or null when there is none)}. ' +
    "Use only facts and figures that appear in the given text; invent nothing.",
};

export function entryPrompt(source: EntrySource): ChatMessage[] {
  const parts = [
    source.transcript ? `Transcript:\n${source.transcript}` : "",
    source.ocrText ? `Text read on the photo:\n${source.ocrText}` : "",
    source.description ? `Current description:\n${source.description}` : "",
  ].filter(Boolean);
  return [
    { role: "system", content: INSTRUCTIONS[source.language] },
    { role: "user", content: parts.join("\n\n"), ...(source.image ? { images: [source.image] } : {}) },
  ];
}
