/**
 * One or two sentences, in the log's language, from what is known about a picture: its kind,
 * the key facts its text holds, a caption from a vision model and how many people were seen.
 */
import type { LogLanguage } from "../processing/engine-options";
import type { ImageKind } from "./image-kind";
import type { ScreenReading } from "./screen";
import type { MetricSeries, TextFacts } from "./text-facts";

export interface Caption {
  text: string;
  /** Language the captioner answered in ("en" for English-only models). */
  language: LogLanguage;
  source: string;
}

export interface PhotoSummaryInput {
  language: LogLanguage;
  kind: ImageKind;
  facts: TextFacts;
  /** First recognised line: a document's or board's title. */
  firstLine?: string;
  caption?: Caption;
  peopleCount?: number;
  /** What the screen or board is about, when its text says so (see `readScreen`). */
  screen?: ScreenReading;
}

const KIND_PHRASE: Record<LogLanguage, Record<ImageKind, string>> = {
  es: {
    terminal: "Pantalla de terminal",
    dashboard: "Dashboard de servicios",
    whiteboard: "Pizarra",
    document: "Documento",
    screenshot: "Captura de pantalla",
    photo: "Fotografía",
  },
  en: {
    terminal: "Terminal screen",
    dashboard: "Service dashboard",
    whiteboard: "Whiteboard",
    document: "Document",
    screenshot: "Screenshot",
    photo: "Photo",
  },
};

const WORDS = {
  es: {
    trainingLogs: "con logs de entrenamiento",
    services: (n: number) => `con ${n} ${n === 1 ? "servicio" : "servicios"}`,
    schedule: "con un cronograma",
    // "con el título" agrees with both "Pizarra" and "Documento".
    titled: (title: string) => `con el título «${title}»`,
    showingText: (text: string) => `con el texto «${text}»`,
    withText: "con texto",
    from: (a: string, b: string) => `de ${a} a ${b}`,
    step: (s: number) => `epoch ${s}`,
    duration: "duración",
    reads: "Se lee",
    people: (n: number) => (n === 1 ? "Se ve 1 persona" : `Se ven ${n} personas`),
    foreignCaption: (text: string) => `descripción automática (en inglés): «${text}»`,
  },
  en: {
    trainingLogs: "with training logs",
    services: (n: number) => `with ${n} ${n === 1 ? "service" : "services"}`,
    schedule: "with a schedule",
    titled: (title: string) => `titled “${title}”`,
    showingText: (text: string) => `showing the text “${text}”`,
    withText: "with text",
    from: (a: string, b: string) => `from ${a} to ${b}`,
    step: (s: number) => `epoch ${s}`,
    duration: "duration",
    reads: "It reads",
    people: (n: number) => (n === 1 ? "One person is visible" : `${n} people are visible`),
    foreignCaption: (text: string) => `automatic caption (in Spanish): “${text}”`,
  },
};

const MAX_FACTS = 7;

function seriesPhrase(series: MetricSeries, language: LogLanguage): string {
  const words = WORDS[language];
  const at = (index: number) => {
    const step = series.steps[index];
    return step === undefined ? series.values[index] : `${series.values[index]} (${words.step(step)})`;
  };
  if (series.values.length === 1) return `${series.name} ${at(0)}`;
  return `${series.name} ${words.from(at(0), at(series.values.length - 1))}`;
}

function factPhrases(facts: TextFacts, language: LogLanguage): string[] {
  const words = WORDS[language];
  const phrases = [
    ...facts.metrics.map((series) => seriesPhrase(series, language)),
    ...facts.latencies.map((latency) => `${latency.label} ${latency.value}`),
    ...facts.resources.map((resource) => `${resource.label} ${resource.value}`),
    ...facts.durations.map((duration) => `${words.duration} ${duration}`),
    ...facts.schedule.map((slot) => `${slot.from}-${slot.to} ${slot.what}`.trim()),
    ...facts.statusPhrases,
  ];
  return [...new Set(phrases)].slice(0, MAX_FACTS);
}

function servicesPhrase(facts: TextFacts): string {
  return facts.services
    .map((service) => `${service.service} (${[service.state, service.detail].filter(Boolean).join(", ")})`)
    .join(", ");
}

function firstSentence(input: PhotoSummaryInput): string {
  const words = WORDS[input.language];
  const { facts, kind } = input;
  const parts = [KIND_PHRASE[input.language][kind]];
  if (kind === "terminal" && facts.metrics.some((series) => series.name === "loss")) parts.push(words.trainingLogs);
  else if (facts.services.length > 0) parts.push(`${words.services(facts.services.length)}: ${servicesPhrase(facts)}`);
  else if (facts.schedule.length > 0) parts.push(words.schedule);
  else if ((kind === "document" || kind === "whiteboard") && input.firstLine) parts.push(words.titled(input.firstLine));
  else if (kind === "photo" && input.firstLine && !input.caption) parts.push(words.showingText(input.firstLine));
  else if (kind !== "photo" && !input.caption) parts.push(words.withText);
  if (input.caption) {
    const caption = input.caption.language === input.language ? input.caption.text : words.foreignCaption(input.caption.text);
    parts.push(kind === "photo" ? `: ${caption}` : `; ${caption}`);
    return finishSentence(parts.join(" ").replace(/ ([:;])/g, "$1"));
  }
  return finishSentence(parts.join(" "));
}

function finishSentence(text: string): string {
  const trimmed = text.trim();
  // A quote that closes a sentence ("…done.”) already ends it; a quoted title ("«Report»") does not.
  return /[.!?][»”"]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The `*Descripción de la imagen: …*` text, without the label. */
export function describePhoto(input: PhotoSummaryInput): string {
  const words = WORDS[input.language];
  const screen = input.screen;
  const sentences = [screen ? finishSentence(screen.summary) : firstSentence(input)];
  const facts = screen ? screen.facts : factPhrases(input.facts, input.language);
  const second: string[] = [];
  if (facts.length > 0) second.push(`${words.reads}: ${facts.join("; ")}`);
  if (input.peopleCount !== undefined && input.peopleCount > 0) second.push(words.people(input.peopleCount));
  if (second.length > 0) sentences.push(finishSentence(second.join(". ")));
  return sentences.join(" ");
}
