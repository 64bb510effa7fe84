import { classifyImage, type ImageFeatures } from "../../../src/core/photo/image-kind";
import type { OcrLine } from "../../../src/core/photo/ocr-lines";
import { extractTextFacts } from "../../../src/core/photo/text-facts";

/** Lines laid out top to bottom, each `height` px tall, as an OCR engine would box them. */
function lines(texts: string[], height = 24, step = 50): OcrLine[] {
  return texts.map((text, index) => ({ text, confidence: 0.9, box: { x0: 20, y0: 30 + index * step, x1: 20 + text.length * 14, y1: 30 + index * step + height } }));
}

function features(texts: string[], overrides: Partial<ImageFeatures> = {}): ImageFeatures {
  const boxed = overrides.lines ?? lines(texts);
  return { width: 1200, height: 700, fromCamera: false, meanLuminance: 230, lines: boxed, facts: extractTextFacts(boxed.map((l) => l.text)), ...overrides };
}

test("dark screen with a prompt and training metrics is a terminal", () => {
  expect(classifyImage(features(["$ python train.py", "epoch 1/100 loss: 0.234"], { meanLuminance: 40 }))).toBe("terminal");
});

test("services with states are a dashboard, light or dark", () => {
  const texts = ["whisper-api Running 2 réplicas", "emotion-detector Running 3 réplicas", "CPU usage: 45%"];
  expect(classifyImage(features(texts))).toBe("dashboard");
  expect(classifyImage(features(texts, { meanLuminance: 50 }))).toBe("dashboard");
});

test("few large lines photographed on a bright surface are a whiteboard", () => {
  const texts = ["Cronograma del día", "9:00-12:00 Grabaciones grupo A", "13:00-16:00 Grabaciones grupo B"];
  expect(classifyImage(features(texts, { lines: lines(texts, 60, 130), fromCamera: true }))).toBe("whiteboard");
});

test("many long lines on a light page are a document", () => {
  const texts = Array.from({ length: 8 }, (_, i) => `Línea ${i} de un informe con bastante texto corrido aquí`);
  expect(classifyImage(features(texts))).toBe("document");
});

test("no text, or a few stray characters, is a photo; light UI text is a screenshot", () => {
  expect(classifyImage(features([]))).toBe("photo");
  expect(classifyImage(features(["OK"]))).toBe("photo");
  expect(classifyImage(features(["Settings", "Notifications and sounds"]))).toBe("screenshot");
});
