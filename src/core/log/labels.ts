import type { LogLanguage } from "../processing/engine-options";

/** Every word the log writes, in the log's language (Spanish by default, as seed 000). */
export interface LogLabels {
  logHeading(date: string): string;
  audioHeading: string;
  audioContent: string;
  keyPoints: string;
  photoHeading: string;
  photoDescription: string;
  noSpeech: string;
  pending: string;
  inProgress: string;
  error: string;
  segmentsCallout: string;
  /** A diarized speaker without a name: "Hablante 1". */
  speaker: string;
  recognisedTextCallout: string;
  language: string;
  duration: string;
  camera: string;
  keptEditsCallout: string;
  untitledAudio: string;
  untitledPhoto: string;
}

type Word = Exclude<keyof LogLabels, "logHeading">;

/** Each word in both languages side by side, so neither can miss one. */
const WORDS: Record<Word, Record<LogLanguage, string>> = {
  audioHeading: { es: "Audio grabado", en: "Audio recording" },
  audioContent: { es: "Contenido del audio", en: "Audio content" },
  keyPoints: { es: "Puntos clave", en: "Key points" },
  photoHeading: { es: "Foto", en: "Photo" },
  photoDescription: { es: "Descripción de la imagen", en: "Image description" },
  noSpeech: { es: "No se detectó voz en la grabación.", en: "No speech was found in the recording." },
  pending: { es: "Pendiente de procesar.", en: "Waiting to be processed." },
  inProgress: { es: "Procesando…", en: "Processing…" },
  error: { es: "Error", en: "Error" },
  segmentsCallout: { es: "Segmentos con tiempo", en: "Timed segments" },
  speaker: { es: "Hablante", en: "Speaker" },
  recognisedTextCallout: { es: "Texto reconocido", en: "Recognised text" },
  language: { es: "Idioma", en: "Language" },
  duration: { es: "Duración", en: "Duration" },
  camera: { es: "Cámara", en: "Camera" },
  keptEditsCallout: { es: "Tu versión anterior de esta entrada (conservada por Bitácora)", en: "Your earlier version of this entry (kept by Bitácora)" },
  untitledAudio: { es: "grabación de audio", en: "audio recording" },
  untitledPhoto: { es: "foto", en: "photo" },
};

function labelsIn(language: LogLanguage): LogLabels {
  const words = Object.fromEntries((Object.keys(WORDS) as Word[]).map((word) => [word, WORDS[word][language]])) as Record<Word, string>;
  return { logHeading: (date) => `# Log - ${date}`, ...words };
}

const LABELS: Record<LogLanguage, LogLabels> = { es: labelsIn("es"), en: labelsIn("en") };

export function labelsFor(language: LogLanguage): LogLabels {
  return LABELS[language] ?? LABELS.es;
}
