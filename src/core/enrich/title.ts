/** Short entry titles in the log's language, from a transcript or a photo description. */
import { sentences } from "./text";

/** Titles are extractive, so they are in the language of the transcript or description. */
export interface TitleOptions {
  maxWords?: number;
  /** Upper-case the first letter (the log's headings are sentence case). Default true. */
  capitalize?: boolean;
}

// Nouns that name what the engineer was doing; a title starting there reads like seed 000's.
const ACTIVITY_NOUNS = [
  "revisión", "revision", "despliegue", "deploy", "reunión", "retrospectiva", "pruebas", "prueba",
  "sesión", "análisis", "grabación", "entrenamiento", "migración", "configuración", "optimización",
  "optimizaciones", "validación", "demo", "planeación", "planificación", "depuración", "monitoreo",
  "instalación", "implementación", "integración", "documentación", "capacitación", "entrevista",
  "review", "deployment", "meeting", "retrospective", "retro", "test", "tests", "testing", "session",
  "analysis", "recording", "training", "migration", "setup", "optimization", "validation",
  "planning", "debugging", "monitoring", "rollout", "rollback", "standup", "stand-up", "interview",
  "load test", "benchmark", "incident", "incidente", "postmortem",
];
const ACTIVITY_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${ACTIVITY_NOUNS.join("|")})(?![\\p{L}\\p{N}])`,
  "iu",
);

const LEADING_FILLERS = [
  /^(bueno|este|eh+|em+|pues|entonces|ok(ay)?|vale|so|um+|uh+|well|alright|okay)[,\s]+/iu,
  /^(creo que|i think|we are|estamos|vamos a|we're|let's)\s+/iu,
  /^(foto|imagen|captura|photo|picture|image|screenshot)\s+(de|of)\s+(un[ao]?\s+|la\s+|el\s+|an?\s+|the\s+)?/iu,
  /^(se ve|se ven|se muestra|shows?|showing)\s+/iu,
];

const TRAILING_STOPWORDS = new Set(
  "de del la las el los un una y o en con para por a al que su sus todo todos toda todas muy más the of and or in with for to a an at on from by is are all very more after before during while until since tras antes después durante mientras desde hasta".split(" "),
);

/** The quoted speech and narration of seed-style transcripts reduced to plain words. */
function cleanSource(text: string): string {
  return text
    .replace(/[*_`#>]/g, " ")
    .replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, "$2")
    .replace(/\s+-\s+(dice|comenta|responde|pregunta|says|asks)\b[^.]*\./giu, ".")
    .replace(/["“”«»]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

// A title ends before its verb: "Dashboard de Kubernetes mostrando pods" → "Dashboard de Kubernetes".
const VERBS = new Set(
  "es son fue fueron está están era ha han hemos mostrando muestra muestran mejoró dice comenta tiene tienen is are was were has have shows showing says went got did".split(" "),
);

function cutWords(phrase: string, maxWords: number): string {
  let words = phrase.split(/\s+/).filter(Boolean);
  const verbAt = words.findIndex((w, i) => i >= 2 && VERBS.has(w.toLowerCase()));
  if (verbAt > 0) words = words.slice(0, verbAt);
  words = words.slice(0, maxWords);
  while (words.length > 1 && TRAILING_STOPWORDS.has(words[words.length - 1].toLowerCase())) words.pop();
  return words.join(" ");
}

function phraseFrom(sentence: string, maxWords: number): string {
  const clause = sentence.split(/[.,;:!?¿¡()[\]]/u)[0] ?? "";
  let stripped = clause.trim();
  for (const filler of LEADING_FILLERS) stripped = stripped.replace(filler, "");
  return cutWords(stripped, maxWords);
}

/** Suggests a short title (≤ maxWords words) or "" when the text has nothing usable. */
export function suggestTitle(text: string, options: TitleOptions = {}): string {
  const maxWords = options.maxWords ?? 6;
  const cleaned = cleanSource(text);
  if (!cleaned) return "";
  const parts = sentences(cleaned);
  let title = "";
  for (const sentence of parts.slice(0, 3)) {
    const match = ACTIVITY_PATTERN.exec(sentence);
    if (match) {
      title = phraseFrom(sentence.slice(match.index), maxWords);
      if (title.split(" ").length >= 2) break;
    }
  }
  if (!title) title = phraseFrom(parts[0] ?? cleaned, maxWords);
  title = title.toLowerCase().replace(/\b(api|gpu|cpu|qa|ci|cd|ml|ocr|vad)\b/g, (m) => m.toUpperCase());
  return options.capitalize === false ? title : title.charAt(0).toUpperCase() + title.slice(1);
}

/** The text a title should be made from: transcript first, then the photo description and OCR. */
export function titleSource(parts: { transcript?: string; description?: string; ocrLines?: string[] }): string {
  return [parts.transcript, parts.description, parts.ocrLines?.slice(0, 3).join(". ")]
    .filter((p): p is string => !!p && p.trim().length > 0)
    .join(". ");
}

export interface TitleState {
  /** The title currently in the log note (what the user sees and may have edited). */
  current: string;
  /** What enrichment suggested last time, if the writer kept it (e.g. in an `auto_title` field). */
  previousSuggestion?: string;
  /** Placeholder titles the writer uses before processing (e.g. the attachment's file name). */
  placeholders?: string[];
}

/** True when the user wrote the current title: it is neither empty, a placeholder, nor our last suggestion. */
export function isUserEditedTitle(state: TitleState): boolean {
  const current = state.current.trim();
  if (!current) return false;
  if (state.placeholders?.some((p) => p.trim() === current)) return false;
  // Without a record of our own suggestion we cannot tell, and a user's words are never lost.
  if (state.previousSuggestion === undefined) return true;
  return current !== state.previousSuggestion.trim();
}

/** The title to write: the user's edit is kept, otherwise the new suggestion (or the current one). */
export function chooseTitle(state: TitleState, suggested: string): string {
  if (isUserEditedTitle(state)) return state.current;
  return suggested || state.current;
}
