/**
 * An entry's closing topic links name what the entry is about, as seed 000's writer does:
 * besides the notes it names word for word, a note it names in looser words ("el despliegue
 * … a producción" for an alias "despliegue a producción") and the note named after its
 * activity ("deployment_automation" for a deployment). Hyphenated compounds such as
 * `whisper-api` are service names, not mentions of a `whisper` topic: they are never linked.
 */
import type { NoteIndex } from "./links";
import { fold, sentences } from "./text";

const TOKEN = /[\p{L}\p{N}]+/gu;
const SIGNIFICANT = 4;

const WINDOW = 10;

/** True when the words appear in this order with at most WINDOW tokens from first to last. */
function inOrderNearby(tokens: string[], words: string[]): boolean {
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] !== words[0]) continue;
    let k = 1;
    for (let i = start + 1; i < tokens.length && i - start <= WINDOW && k < words.length; i++) if (tokens[i] === words[k]) k++;
    if (k === words.length) return true;
  }
  return false;
}

/**
 * Notes whose alias has two or more significant words, all of them in one sentence, in order
 * and close together. A note's own name (an identifier like `sistema_qa_testing`) must match
 * word for word.
 */
export function looseMentions(text: string, index: NoteIndex): string[] {
  const found = new Set<string>();
  const sentenceTokens = sentences(fold(text)).map((s) => s.match(TOKEN) ?? []);
  const nameTokens = new Map([...index.targets.values()].map((name) => [name, (fold(name).match(TOKEN) ?? []).join(" ")]));
  for (const phrases of index.byFirstToken.values()) {
    for (const phrase of phrases) {
      if (found.has(phrase.target) || nameTokens.get(phrase.target) === phrase.tokens.join(" ")) continue;
      const significant = phrase.tokens.filter((t) => t.length >= SIGNIFICANT);
      if (significant.length < 2) continue;
      if (sentenceTokens.some((tokens) => inOrderNearby(tokens, significant))) found.add(phrase.target);
    }
  }
  return [...found];
}

// Word stems that name an activity, in Spanish and English.
const ACTIVITY_STEMS: Record<string, string[]> = {
  deployment: ["deploy", "despliegue", "despliegues"],
  retrospective: ["retrospectiv", "retro"],
};

/** Notes named after the entry's activity (by their own name, not an alias). */
export function activityTopics(activity: string | undefined, index: NoteIndex): string[] {
  const stems = activity ? ACTIVITY_STEMS[activity] : undefined;
  if (!stems) return [];
  const names = new Set(index.targets.values());
  return [...names].filter((name) => (fold(name).match(TOKEN) ?? []).some((token) => stems.some((stem) => token.startsWith(stem))));
}
