/** Text helpers shared by enrichment: accent/case folding with offsets, sentences. */

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

/** Splits into sentences on . ! ? and line breaks, keeping decimals like 89.4 intact. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=\S)|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
