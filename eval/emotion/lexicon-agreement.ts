/**
 * Independent check of the shipped lexicon against two research lexicons that are NOT
 * shipped (../shared/testdata/lexicons, evaluation use only): for single words that SEL
 * (Spanish) or NRC EmoLex (English) mark as clearly positive or negative, how many does our
 * analyser recognise (coverage), and does it give them the same valence (agreement)?
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { analyseText } from "../../src/core/emotion/text-emotion";

export interface AgreementResult {
  lexicon: string;
  words: number;
  covered: number;
  coverage: number;
  agreeing: number;
  agreement: number;
}

function score(lexicon: string, words: Map<string, number>): AgreementResult {
  let covered = 0;
  let agreeing = 0;
  for (const [word, sign] of words) {
    const result = analyseText(word);
    if (result.evidence <= 0) continue;
    covered++;
    if (Math.sign(result.valence) === sign) agreeing++;
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { lexicon, words: words.size, covered, coverage: round(covered / words.size), agreeing, agreement: round(covered ? agreeing / covered : 0) };
}

const SEL_SIGN: Record<string, number> = { Alegría: 1, Enojo: -1, Miedo: -1, Tristeza: -1 };

export function lexiconAgreement(lexiconDir: string): AgreementResult[] {
  const results: AgreementResult[] = [];
  const selFile = path.join(lexiconDir, "SEL_spanish_emotion_lexicon.tsv");
  if (existsSync(selFile)) {
    const words = new Map<string, number>();
    for (const line of readFileSync(selFile, "utf8").trim().split("\n").slice(1)) {
      const [word, pfa, emotion] = line.split("\t");
      // Only strongly associated words (probability factor ≥ 0.5) with one clear valence.
      if (Number(pfa) < 0.5 || !(emotion in SEL_SIGN)) continue;
      const sign = SEL_SIGN[emotion];
      words.set(word, words.has(word) && words.get(word) !== sign ? 0 : sign);
    }
    results.push(score("SEL (es), pfa ≥ 0.5", new Map([...words].filter(([, s]) => s !== 0))));
  }
  const nrcFile = path.join(lexiconDir, "NRC-EmoLex-v0.92-positive-associations.tsv");
  if (existsSync(nrcFile)) {
    const tags = new Map<string, Set<string>>();
    for (const line of readFileSync(nrcFile, "utf8").trim().split("\n")) {
      const [word, tag] = line.split("\t");
      if (!tags.has(word)) tags.set(word, new Set());
      tags.get(word)!.add(tag);
    }
    const words = new Map<string, number>();
    for (const [word, set] of tags) {
      if (set.has("positive") !== set.has("negative")) words.set(word, set.has("positive") ? 1 : -1);
    }
    results.push(score("NRC EmoLex (en), positive xor negative", words));
  }
  return results;
}
