/**
 * Compiles the hand-written term lists (lexicon-data.ts) into lookup tables:
 * exact words, stems (`stem*`) and multi-word phrases, all accent- and case-folded. Pure.
 */
import { LEXICON_TERMS } from "./lexicon-data";
import { TEXT_EMOTIONS, type TextEmotion } from "./text-emotion-types";

export interface LexiconHit {
  emotion: TextEmotion;
  weight: number;
}

export interface CompiledLexicon {
  words: Map<string, LexiconHit[]>;
  /** Sorted longest first so "preocupacion" prefers the most specific stem. */
  stems: { stem: string; hits: LexiconHit[] }[];
  /** Phrase → hits; keys are folded tokens joined by a space. */
  phrases: Map<string, LexiconHit[]>;
  longestPhrase: number;
}

/** Lower-case and strip accents (é→e, ñ→n, ü→u) so "Falló", "fallo" and "FALLO" match. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function add(map: Map<string, LexiconHit[]>, key: string, hit: LexiconHit): void {
  const list = map.get(key) ?? [];
  list.push(hit);
  map.set(key, list);
}

export function compileLexicon(terms = LEXICON_TERMS): CompiledLexicon {
  const words = new Map<string, LexiconHit[]>();
  const stemMap = new Map<string, LexiconHit[]>();
  const phrases = new Map<string, LexiconHit[]>();
  let longestPhrase = 1;
  for (const emotion of TEXT_EMOTIONS) {
    for (const list of [terms[emotion].es, terms[emotion].en]) {
      for (const raw of list.split(/\s+/).filter(Boolean)) {
        const [term, weightText] = fold(raw).split(":");
        const hit = { emotion, weight: weightText === undefined ? 1 : Number(weightText) };
        if (term.includes("_")) {
          const parts = term.split("_");
          longestPhrase = Math.max(longestPhrase, parts.length);
          add(phrases, parts.join(" "), hit);
        } else if (term.endsWith("*")) add(stemMap, term.slice(0, -1), hit);
        else add(words, term, hit);
      }
    }
  }
  const stems = [...stemMap.entries()].map(([stem, hits]) => ({ stem, hits })).sort((a, b) => b.stem.length - a.stem.length);
  return { words, stems, phrases, longestPhrase };
}

/** Hits for one folded word: an exact entry wins over stems. */
export function lookupWord(lexicon: CompiledLexicon, word: string): LexiconHit[] {
  const exact = lexicon.words.get(word);
  if (exact) return exact;
  for (const { stem, hits } of lexicon.stems) if (word.startsWith(stem)) return hits;
  return [];
}
