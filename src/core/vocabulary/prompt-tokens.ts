/**
 * A conservative count of the Whisper tokens a prompt takes, without the model's vocabulary
 * (core has no files; a server's model is not ours to read). Whisper keeps at most 224 prompt
 * tokens (half its 448-token text context) and whisper.cpp drops the prompt's beginning past
 * that, so the count should never fall short.
 *
 * The text is split the way whisper.cpp splits it before its longest-match lookup: runs of
 * ASCII letters (with one leading space), digits, other characters, spaces.
 * - A letter run costs 1 + ⌈(lower-case letters + 2 × capitals) / 3⌉: an estimate, as the real
 *   count depends on the vocabulary (whisper.cpp's needs 0.27 tokens per letter on average in
 *   the seeds, 0.6 at worst; capitals split worst).
 * - A Spanish letter or sign (á é í ó ú ü ñ, capitals, ¿ ¡) costs 1: each is one token of the
 *   multilingual vocabulary.
 * - Anything else costs one token per UTF-8 byte, the most a byte-level vocabulary can need.
 * test/core/vocabulary/prompt-tokens.test.ts checks it against whisper.cpp's own tokenization
 * with the multilingual vocabulary on every word of the seeds and the test transcripts.
 */
export const WHISPER_PROMPT_TOKENS = 224;

const PIECES = / ?[A-Za-z]+| ?[0-9]+| ?[^\sA-Za-z0-9]+|\s+/g;
const utf8 = new TextEncoder();
const ONE_TOKEN = new Set("áéíóúüñÁÉÍÓÚÜÑ¿¡");

export function promptTokenBound(text: string): number {
  let tokens = 0;
  for (const [piece] of text.matchAll(PIECES)) tokens += pieceBound(piece);
  return tokens;
}

function pieceBound(piece: string): number {
  const space = piece.length > 1 && piece.startsWith(" ") ? 1 : 0;
  const body = piece.slice(space);
  if (/^[A-Za-z]+$/.test(body)) {
    const capitals = body.replace(/[^A-Z]/g, "").length;
    return 1 + Math.ceil((body.length + capitals) / 3);
  }
  let tokens = space;
  for (const char of body) tokens += ONE_TOKEN.has(char) ? 1 : utf8.encode(char).length;
  return tokens;
}
