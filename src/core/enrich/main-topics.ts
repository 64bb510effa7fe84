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

/** Notes whose name or alias has two or more significant words, all of them in one sentence. */
export function looseMentions(text: string, index: NoteIndex): string[] {
  const found = new Set<string>();
  const sentenceTokens = sentences(fold(text)).map((s) => new Set(s.match(TOKEN) ?? []));
  for (const phrases of index.byFirstToken.values()) {
    for (const phrase of phrases) {
      const significant = phrase.tokens.filter((t) => t.length >= SIGNIFICANT);
      if (significant.length < 2 || found.has(phrase.target)) continue;
      if (sentenceTokens.some((tokens) => significant.every((t) => tokens.has(t)))) found.add(phrase.target);
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
