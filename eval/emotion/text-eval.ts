/** Text emotion accuracy on a sentence CSV (lang,label,text) with the shipped lexicon. */
import { readFileSync } from "node:fs";
import { analyseText } from "../../src/core/emotion/text-emotion";
import { textOnlyKey, type EmotionKey } from "../../src/core/emotion/fusion";
import { confusion, type Confusion } from "./confusion";

export const TEXT_LABELS: EmotionKey[] = ["enthusiasm", "satisfaction", "neutral", "concern", "frustration", "sadness"];

export interface SentenceResult {
  lang: string;
  text: string;
  actual: string;
  predicted: string;
  matched: string[];
}

export function readSentences(file: string): { lang: string; label: string; text: string }[] {
  const [, ...lines] = readFileSync(file, "utf8").trim().split(/\r?\n/);
  return lines.map((line) => {
    const first = line.indexOf(",");
    const second = line.indexOf(",", first + 1);
    return { lang: line.slice(0, first), label: line.slice(first + 1, second), text: line.slice(second + 1) };
  });
}

export function evaluateSentences(file: string): { results: SentenceResult[]; all: Confusion; byLanguage: Record<string, Confusion> } {
  const results = readSentences(file).map(({ lang, label, text }) => {
    const analysis = analyseText(text);
    return { lang, text, actual: label, predicted: textOnlyKey(analysis), matched: analysis.matched };
  });
  const byLanguage: Record<string, Confusion> = {};
  for (const lang of [...new Set(results.map((r) => r.lang))]) {
    byLanguage[lang] = confusion(results.filter((r) => r.lang === lang), TEXT_LABELS);
  }
  return { results, all: confusion(results, TEXT_LABELS), byLanguage };
}
