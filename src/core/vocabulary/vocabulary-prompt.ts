/**
 * The vault's vocabulary as a Whisper prompt: topic note names and aliases and recent entry
 * titles, most relevant first, within Whisper's prompt budget, phrased in the recording's
 * language. Pure: the plugin and the CLI gather the candidates (docs/server.md, "Vocabulary").
 */
import { promptTokenBound, WHISPER_PROMPT_TOKENS } from "./prompt-tokens";

export interface TopicCandidate {
  /** Note name as the vault spells it. */
  name: string;
  aliases: string[];
  /** Vault path of the note, when known: a note beside the recording ranks first. */
  path?: string;
}

/** A log entry already written: its title and the notes it links to. */
export interface RecentEntry {
  title: string;
  /** Local "yyyy-MM-ddTHH:mm"; later sorts later. */
  date: string;
  links: string[];
}

export interface VocabularyInput {
  topics: readonly TopicCandidate[];
  recent: readonly RecentEntry[];
  /** Vault path of the recording being transcribed. */
  recordingPath: string;
  /** The recording's language (ISO-639-1); decides the words around the lists. */
  language: string;
  budgetTokens?: number;
  /** How many recent titles may go in at most. */
  maxTitles?: number;
}

const LABELS: Record<string, { topics: string; titles: string }> = {
  es: { topics: "Temas", titles: "Entradas recientes" },
  en: { topics: "Topics", titles: "Recent entries" },
};
const MAX_TERM_CHARS = 80;

interface Candidate {
  text: string;
  kind: "topic" | "title";
}

export function vocabularyPrompt(input: VocabularyInput): string | undefined {
  const budget = input.budgetTokens ?? WHISPER_PROMPT_TOKENS;
  const picked: Candidate[] = [];
  const seen = new Set<string>();
  for (const candidate of rankedCandidates(input)) {
    const key = candidate.text.toLowerCase();
    if (seen.has(key)) continue;
    const trial = [...picked, candidate];
    // A long candidate that does not fit leaves room for shorter, less relevant ones.
    if (promptTokenBound(render(trial, input.language)) > budget) continue;
    seen.add(key);
    picked.push(candidate);
  }
  return picked.length ? render(picked, input.language) : undefined;
}

/** Topics beside the recording, then topics linked recently, then recent titles, then every other topic. */
function rankedCandidates(input: VocabularyInput): Candidate[] {
  const lastLinked = lastLinkDates(input.recent);
  const folder = folderOf(input.recordingPath);
  const topics = input.topics.map((topic, index) => {
    const linked = [topic.name, ...topic.aliases].map((n) => lastLinked.get(n.toLowerCase()) ?? "").sort().pop() ?? "";
    return { topic, index, beside: topic.path !== undefined && folderOf(topic.path) === folder, linked };
  });
  topics.sort((a, b) => Number(b.beside) - Number(a.beside) || b.linked.localeCompare(a.linked) || a.index - b.index);
  const termsOf = (topic: TopicCandidate) => [topic.name.replace(/_/g, " "), ...topic.aliases].map(clean).filter(Boolean);
  const asTopics = (list: typeof topics) => list.flatMap(({ topic }) => termsOf(topic).map((text) => ({ text, kind: "topic" as const })));
  const relevant = topics.filter((t) => t.beside || t.linked);
  const others = topics.filter((t) => !t.beside && !t.linked);
  const titles = [...input.recent]
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((entry) => clean(entry.title))
    .filter(Boolean)
    .slice(0, input.maxTitles ?? 10)
    .map((text) => ({ text, kind: "title" as const }));
  return [...asTopics(relevant), ...titles, ...asTopics(others)];
}

/** Latest date each link target (lower case) was linked from an entry. */
function lastLinkDates(recent: readonly RecentEntry[]): Map<string, string> {
  const dates = new Map<string, string>();
  for (const entry of recent) {
    for (const link of entry.links) {
      const key = link.toLowerCase();
      if ((dates.get(key) ?? "") < entry.date) dates.set(key, entry.date);
    }
  }
  return dates;
}

/** "Temas: A, B. Entradas recientes: T1. T2." in Spanish; the bare lists in a language without labels. */
function render(picked: readonly Candidate[], language: string): string {
  const labels = LABELS[language];
  const topics = picked.filter((c) => c.kind === "topic").map((c) => c.text);
  const titles = picked.filter((c) => c.kind === "title").map((c) => c.text.replace(/[.!?…]+$/, ""));
  const parts: string[] = [];
  if (topics.length) parts.push(`${labels ? `${labels.topics}: ` : ""}${topics.join(", ")}.`);
  if (titles.length) parts.push(`${labels ? `${labels.titles}: ` : ""}${titles.join(". ")}.`);
  return parts.join(" ");
}

function clean(term: string): string {
  const text = term.replace(/\s+/g, " ").trim();
  return text.length > MAX_TERM_CHARS ? "" : text;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}
