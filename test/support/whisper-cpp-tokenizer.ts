/**
 * whisper.cpp's own prompt tokenization, re-done in the tests to check Bitácora's conservative
 * token count: the vocabulary is read from a ggml model file (the weightless test models carry
 * the real multilingual vocabulary), the text is split with whisper.cpp's regex (std::regex's
 * [[:alpha:]] matches ASCII letters only) and each piece is matched longest-first, falling back
 * to one token per byte, as whisper_tokenize does.
 */
import { readFileSync } from "node:fs";

export function readGgmlVocabulary(modelPath: string): Set<string> {
  const bytes = readFileSync(modelPath);
  let offset = 0;
  const int32 = () => {
    const value = bytes.readInt32LE(offset);
    offset += 4;
    return value;
  };
  if (int32() !== 0x67676d6c) throw new Error(`${modelPath} is not a ggml model`);
  offset += 11 * 4; // hyper-parameters
  const mels = int32();
  const fft = int32();
  offset += mels * fft * 4; // mel filters
  const count = int32();
  const vocabulary = new Set<string>();
  for (let i = 0; i < count; i++) {
    const length = int32();
    vocabulary.add(bytes.subarray(offset, offset + length).toString("latin1"));
    offset += length;
  }
  return vocabulary;
}

const WORDS = /'s|'t|'re|'ve|'m|'ll|'d| ?[A-Za-z]+| ?[0-9]+| ?[^\sA-Za-z0-9]+|\s+(?!\S)|\s+/g;

export function whisperCppTokenCount(vocabulary: Set<string>, text: string): number {
  // One char per byte, so substrings are byte strings like the vocabulary's entries.
  const byteText = Buffer.from(text, "utf8").toString("latin1");
  let tokens = 0;
  for (const [word] of byteText.matchAll(WORDS)) {
    let i = 0;
    while (i < word.length) {
      let j = word.length;
      while (j > i + 1 && !vocabulary.has(word.slice(i, j))) j--;
      tokens++;
      i = j;
    }
  }
  return tokens;
}
