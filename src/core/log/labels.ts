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

const SPANISH: LogLabels = {
  logHeading: (date) => `# Log - ${date}`,
  audioHeading: "Audio grabado",
  audioContent: "Contenido del audio",
  keyPoints: "Puntos clave",
  photoHeading: "Foto",
  photoDescription: "Descripción de la imagen",
  noSpeech: "No se detectó voz en la grabación.",
  pending: "Pendiente de procesar.",
  inProgress: "Procesando…",
  error: "Error",
  segmentsCallout: "Segmentos con tiempo",
  speaker: "Hablante",
  recognisedTextCallout: "Texto reconocido",
  language: "Idioma",
  duration: "Duración",
  camera: "Cámara",
  keptEditsCallout: "Tu versión anterior de esta entrada (conservada por Bitácora)",
  untitledAudio: "grabación de audio",
  untitledPhoto: "foto",
};

const ENGLISH: LogLabels = {
  logHeading: (date) => `# Log - ${date}`,
  audioHeading: "Audio recording",
  audioContent: "Audio content",
  keyPoints: "Key points",
  photoHeading: "Photo",
  photoDescription: "Image description",
  noSpeech: "No speech was found in the recording.",
  pending: "Waiting to be processed.",
  inProgress: "Processing…",
  error: "Error",
  segmentsCallout: "Timed segments",
  speaker: "Speaker",
  recognisedTextCallout: "Recognised text",
  language: "Language",
  duration: "Duration",
  camera: "Camera",
  keptEditsCallout: "Your earlier version of this entry (kept by Bitácora)",
  untitledAudio: "audio recording",
  untitledPhoto: "photo",
};

export function labelsFor(language: LogLanguage): LogLabels {
  return language === "en" ? ENGLISH : SPANISH;
}
