import { cleanOcrLines, sortReadingOrder, type OcrLine } from "../../../src/core/photo/ocr-lines";
import { characterErrorRate, editDistance } from "../../../src/core/photo/text-metrics";
import { decodeByteLevelTokens, invertVocabulary } from "../../../src/core/photo/byte-level-bpe";
import { peopleInCaption } from "../../../src/core/photo/people-in-caption";

const line = (text: string, x0: number, y0: number, confidence = 0.9): OcrLine => ({ text, confidence, box: { x0, y0, x1: x0 + 100, y1: y0 + 20 } });

test("character error rate counts ñ and accents as one character each", () => {
  expect(editDistance("Mañana", "Manana")).toBe(1);
  expect(characterErrorRate(["Mañana iré"], ["Manana ire"])).toBeCloseTo(2 / 10);
  expect(characterErrorRate(["a   b", "c"], ["a b", "", "c"])).toBe(0);
  expect(characterErrorRate([], [])).toBe(0);
});

test("reading order: rows top to bottom, boxes on one row left to right", () => {
  const sorted = sortReadingOrder([line("Running", 300, 102), line("title", 0, 10), line("whisper-api", 0, 100)]);
  expect(sorted.map((l) => l.text)).toEqual(["title", "whisper-api", "Running"]);
});

test("cleanup drops stray marks and low-confidence noise, keeps short real words", () => {
  const cleaned = cleanOcrLines([line("a $", 0, 0), line("®", 0, 30), line("  DRY   FLAT ", 0, 60), line("zxq", 0, 90, 0.2), line("OK", 0, 120)]);
  expect(cleaned.map((l) => l.text)).toEqual(["DRY FLAT", "OK"]);
});

test("byte-level BPE tokens decode to UTF-8 text with ñ", () => {
  const tokens = invertVocabulary({ a: 0, "Ġniño": 1, "ĠniÃ±o": 2 });
  expect(decodeByteLevelTokens([tokens[0], tokens[2]])).toBe("a niño");
});

test("people counted from English captions", () => {
  expect(peopleInCaption("two men sitting at a table with laptops")).toBe(2);
  expect(peopleInCaption("a woman and a young boy in a kitchen")).toBe(2);
  expect(peopleInCaption("8 people around a table")).toBe(8);
  expect(peopleInCaption("a group of people in a meeting room")).toBeUndefined();
  expect(peopleInCaption("a laptop on a desk")).toBeUndefined();
});

test("cleanup rejoins a hyphenated name OCR split, keeps a spaced dash, and keeps lone figures", () => {
  const cleaned = cleanOcrLines([line("Deploying hotel -audio-api:1.0.0", 0, 0), line("Grafana - Audio", 0, 30), line("4", 0, 60), line("92.4 %", 0, 90)]);
  expect(cleaned.map((l) => l.text)).toEqual(["Deploying hotel-audio-api:1.0.0", "Grafana - Audio", "4", "92.4 %"]);
});
