/**
 * GPT-2's byte-level BPE stores every byte as a printable character ("Ġ" is a space, "Ã±"
 * is the two UTF-8 bytes of "ñ"). Decoding maps the characters back to bytes, then UTF-8.
 */

function buildUnicodeToByte(): Map<string, number> {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const map = new Map<string, number>();
  for (const b of printable) map.set(String.fromCharCode(b), b);
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    if (printable.includes(b)) continue;
    map.set(String.fromCharCode(256 + shifted), b);
    shifted++;
  }
  return map;
}

const UNICODE_TO_BYTE = buildUnicodeToByte();

export function decodeByteLevelTokens(tokens: readonly string[]): string {
  const bytes: number[] = [];
  for (const char of tokens.join("")) {
    const byte = UNICODE_TO_BYTE.get(char);
    if (byte !== undefined) bytes.push(byte);
  }
  return new TextDecoder("utf-8").decode(new Uint8Array(bytes));
}

/** vocab.json maps token → id; decoding needs id → token. */
export function invertVocabulary(vocab: Record<string, number>): string[] {
  const tokens: string[] = [];
  for (const [token, id] of Object.entries(vocab)) tokens[id] = token;
  return tokens;
}
