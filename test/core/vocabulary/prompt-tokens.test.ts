/**
 * The conservative prompt token count against whisper.cpp's own tokenization with the real
 * multilingual vocabulary (read from the weightless test model): it must never fall short.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promptTokenBound } from "../../../src/core/vocabulary/prompt-tokens";
import { vocabularyPrompt } from "../../../src/core/vocabulary/vocabulary-prompt";
import { readGgmlVocabulary, whisperCppTokenCount } from "../../support/whisper-cpp-tokenizer";

const SHARED = path.resolve(__dirname, "../../../../shared");
const vocabulary = readGgmlVocabulary(path.join(SHARED, "testdata/whisper_models/for-tests-ggml-tiny.bin"));
const count = (text: string) => whisperCppTokenCount(vocabulary, text);

/** Every word of the seeds (Spanish logs and reports) and of the Spanish and English test transcripts. */
function corpusWords(): string[] {
  const texts = readdirSync(path.join(SHARED, "seeds")).map((file) => readFileSync(path.join(SHARED, "seeds", file), "utf8"));
  for (const folder of ["speech_es", "speech_en"]) {
    const dir = path.join(SHARED, "testdata", folder);
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".txt"))) texts.push(readFileSync(path.join(dir, file), "utf8"));
  }
  return [...new Set(texts.join(" ").split(/\s+/).filter(Boolean))];
}

test("the tokenizer stand-in reads the real vocabulary", () => {
  expect(vocabulary.size).toBeGreaterThan(49_000);
  expect(count(" Kubernetes")).toBe(1);
});

test("never below whisper.cpp's count for any word of the seeds and test transcripts", () => {
  const words = corpusWords();
  expect(words.length).toBeGreaterThan(1500);
  const short = words.filter((word) => promptTokenBound(` ${word}`) < count(` ${word}`));
  expect(short).toEqual([]);
});

test.each([
  ["Bitácora", 4],
  ["Revisión de optimizaciones de modelo", 10],
  ["k8s-prod-01", 8],
  ["Ñandú", 4],
  ["日本語", 3],
  ["CUMPLIMIENTO", 6],
])("%s: whisper.cpp needs %i tokens, the bound is at least that", (text, tokens) => {
  expect(count(` ${text}`)).toBe(tokens);
  expect(promptTokenBound(` ${text}`)).toBeGreaterThanOrEqual(tokens);
});

test("a full prompt built from the seed's topics stays within 224 whisper.cpp tokens, and is not wastefully short", () => {
  const words = corpusWords().filter((word) => /^[\p{L}][\p{L}\d-]{3,}$/u.test(word));
  const prompt = vocabularyPrompt({ topics: words.map((name) => ({ name, aliases: [] })), recent: [], recordingPath: "a.webm", language: "es" })!;
  expect(promptTokenBound(prompt)).toBeLessThanOrEqual(224);
  expect(count(prompt)).toBeLessThanOrEqual(224);
  // The bound over-counts (accents cost a token per byte) but still fills more than half of it (133 of 224 tokens here).
  expect(count(prompt)).toBeGreaterThan(120);
});

test("every Spanish letter and sign the bound counts as one token is one token of the multilingual vocabulary", () => {
  const chars = [..."áéíóúüñÁÉÍÓÚÜÑ¿¡"];
  expect(chars.filter((char) => count(char) !== 1)).toEqual([]);
  expect(chars.every((char) => promptTokenBound(char) === 1)).toBe(true);
});
