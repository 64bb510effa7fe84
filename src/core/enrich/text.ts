/** Text helpers shared by enrichment: accent/case folding with offsets, language guess. */

/** Lower-case and strip accents ("Revisión" → "revision"); keeps ñ → n as well. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

export interface FoldedText {
  folded: string;
  /** `starts[i]` is the offset in the original text of folded character i; one extra at the end. */
  starts: number[];
}

/**
 * Folds character by character so a match in the folded text maps back to the original
 * text exactly (folding can change lengths, e.g. "İ" → "i̇").
 */
export function foldWithOffsets(text: string): FoldedText {
  let folded = "";
  const starts: number[] = [];
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i) as number;
    const char = String.fromCodePoint(codePoint);
    const piece = fold(char);
    for (let k = 0; k < piece.length; k++) starts.push(i);
    folded += piece;
    i += char.length;
  }
  starts.push(text.length);
  return { folded, starts };
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

export type LogLanguage = "es" | "en";

const SPANISH_HINTS = new Set(
  "el la los las de del que y en un una con para por es son se al lo como más pero sus esta este está están hay muy sin sobre también fue ya donde cuando grabamos hicimos".split(" "),
);
const ENGLISH_HINTS = new Set(
  "the of and to in is are was were with for on that this it we our at from by as be has have not but they all".split(" "),
);

/** A cheap stopword vote; good enough to pick the title language of a short text. */
export function guessLanguage(text: string, fallback: LogLanguage = "es"): LogLanguage {
  let es = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (SPANISH_HINTS.has(word)) es++;
    if (ENGLISH_HINTS.has(word)) en++;
  }
  if (/[ñáéíóú¿¡]/i.test(text)) es += 2;
  if (es === en) return fallback;
  return es > en ? "es" : "en";
}

/** Splits into sentences on . ! ? and line breaks, keeping decimals like 89.4 intact. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=\S)|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
