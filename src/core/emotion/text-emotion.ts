/**
 * Emotion and valence of a Spanish or English text (a transcript or a photo description)
 * from the compact lexicon, with phrase matching, negation ("no funciona", "sin errores",
 * "not working") and intensifiers ("muy", "really"). Pure.
 */
import { compileLexicon, fold, lookupWord, type CompiledLexicon, type LexiconHit } from "./lexicon";
import { INTENSIFIERS, NEGATORS } from "./lexicon-data";
import { POSITIVE_EMOTIONS, TEXT_EMOTIONS, type TextEmotion } from "./text-emotion-types";

/** How many words after a negator it still applies to ("no me ha funcionado"). */
const NEGATION_SCOPE = 3;
const INTENSIFIER_SCOPE = 2;
/** A negated positive word reads as frustration; a negated worry or complaint as mild relief. */
const NEGATED_POSITIVE_WEIGHT = 0.7;
const NEGATED_NEGATIVE_WEIGHT = 0.5;
/** "Funciona, pero falla": what comes after "pero"/"but" is what the speaker means. */
const CONTRAST_WORDS = new Set(["pero", "aunque", "sinembargo", "but", "however", "although", "though"]);
const BEFORE_CONTRAST_WEIGHT = 0.5;

export interface TextEmotionResult {
  scores: Record<TextEmotion, number>;
  /** Sum of all scores: how much emotional language there is. */
  evidence: number;
  /** -1 (negative) .. 1 (positive); 0 without evidence. */
  valence: number;
  /** Exclamations found ("!", "¡"): a text cue for high arousal. */
  exclamations: number;
  /** The words or phrases that matched, for explanations and tests. */
  matched: string[];
}

let defaultLexicon: CompiledLexicon | undefined;

function tokenize(text: string): string[] {
  const folded = fold(text).replace(/n['’]t\b/g, " not");
  return folded.match(/[a-z0-9]+|[.!?;:¡¿,]/g) ?? [];
}

const isBoundary = (token: string) => /^[.!?;:¡¿,]$/.test(token);

function matchPhrase(lexicon: CompiledLexicon, tokens: string[], at: number): { hits: LexiconHit[]; length: number } | undefined {
  for (let length = Math.min(lexicon.longestPhrase, tokens.length - at); length >= 2; length--) {
    const hits = lexicon.phrases.get(tokens.slice(at, at + length).join(" "));
    if (hits) return { hits, length };
  }
  return undefined;
}

function emptyScores(): Record<TextEmotion, number> {
  return Object.fromEntries(TEXT_EMOTIONS.map((e) => [e, 0])) as Record<TextEmotion, number>;
}

export function analyseText(text: string, lexicon: CompiledLexicon = (defaultLexicon ??= compileLexicon())): TextEmotionResult {
  const tokens = tokenize(text);
  const scores = emptyScores();
  const matched: string[] = [];
  let exclamations = 0;
  let negationLeft = 0;
  let intensity = 1;
  let intensityLeft = 0;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    if (isBoundary(token)) {
      if (token === "!" || token === "¡") exclamations++;
      negationLeft = intensityLeft = 0;
      intensity = 1;
      i++;
      continue;
    }
    const phrase = matchPhrase(lexicon, tokens, i);
    const hits = phrase?.hits ?? (NEGATORS.has(token) || token in INTENSIFIERS ? [] : lookupWord(lexicon, token));
    if (hits.length > 0) {
      const negated = negationLeft > 0;
      for (const hit of hits) {
        const weight = hit.weight * (intensityLeft > 0 ? intensity : 1);
        if (!negated) scores[hit.emotion] += weight;
        else if (POSITIVE_EMOTIONS.includes(hit.emotion)) scores.frustration += weight * NEGATED_POSITIVE_WEIGHT;
        else scores.satisfaction += weight * NEGATED_NEGATIVE_WEIGHT;
      }
      matched.push((negated ? "¬" : "") + tokens.slice(i, i + (phrase?.length ?? 1)).join(" "));
      negationLeft = intensityLeft = 0;
      intensity = 1;
      i += phrase?.length ?? 1;
      continue;
    }
    if (CONTRAST_WORDS.has(token)) {
      for (const emotion of TEXT_EMOTIONS) scores[emotion] *= BEFORE_CONTRAST_WEIGHT;
    }
    if (NEGATORS.has(token)) negationLeft = NEGATION_SCOPE + 1;
    if (token in INTENSIFIERS) {
      intensity *= INTENSIFIERS[token];
      intensityLeft = INTENSIFIER_SCOPE + 1;
    }
    negationLeft = Math.max(0, negationLeft - 1);
    intensityLeft = Math.max(0, intensityLeft - 1);
    if (intensityLeft === 0) intensity = 1;
    i++;
  }
  // Exclamations lift calm approval into enthusiasm ("¡todo funciona!").
  if (exclamations > 0 && scores.satisfaction > 0) {
    scores.joy += scores.satisfaction * 0.5;
    scores.satisfaction *= 0.5;
  }
  const positive = scores.joy + scores.satisfaction;
  const evidence = TEXT_EMOTIONS.reduce((sum, e) => sum + scores[e], 0);
  const valence = evidence > 0 ? (2 * positive - evidence) / evidence : 0;
  return { scores, evidence, valence, exclamations, matched };
}
