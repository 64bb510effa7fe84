import { describePhoto } from "../../../src/core/photo/describe-photo";
import { extractTextFacts } from "../../../src/core/photo/text-facts";

const terminalFacts = extractTextFacts([
  "epoch 1/100 loss: 0.234 accuracy: 71.2%",
  "epoch 100/100 loss: 0.043 accuracy: 89.4%",
  "CPU usage: 85% GPU memory: 7.2GB",
  "Training finished in 4h 23m",
]);

test("terminal with training logs, in Spanish and in English", () => {
  expect(describePhoto({ language: "es", kind: "terminal", facts: terminalFacts })).toBe(
    "Pantalla de terminal con logs de entrenamiento. Se lee: loss de 0.234 (epoch 1) a 0.043 (epoch 100); " +
      "accuracy de 71.2% (epoch 1) a 89.4% (epoch 100); CPU 85%; GPU memory 7.2GB; duración 4h 23m.",
  );
  expect(describePhoto({ language: "en", kind: "terminal", facts: terminalFacts })).toBe(
    "Terminal screen with training logs. It reads: loss from 0.234 (epoch 1) to 0.043 (epoch 100); " +
      "accuracy from 71.2% (epoch 1) to 89.4% (epoch 100); CPU 85%; GPU memory 7.2GB; duration 4h 23m.",
  );
});

test("dashboard names its services and their state", () => {
  const facts = extractTextFacts(["whisper-api Running 2 réplicas", "audio-processor Running 1 réplica", "Health Check: PASSING"]);
  expect(describePhoto({ language: "es", kind: "dashboard", facts })).toBe(
    "Dashboard de servicios con 2 servicios: whisper-api (Running, 2 réplicas), audio-processor (Running, 1 réplica). Se lee: Health Check: PASSING.",
  );
});

test("whiteboard schedule, and a document by its title", () => {
  const schedule = extractTextFacts(["9:00-12:00 Grabaciones grupo A"]);
  expect(describePhoto({ language: "es", kind: "whiteboard", facts: schedule })).toBe("Pizarra con un cronograma. Se lee: 9:00-12:00 Grabaciones grupo A.");
  expect(describePhoto({ language: "en", kind: "document", facts: extractTextFacts([]), firstLine: "Load test report" })).toBe(
    "Document titled “Load test report”.",
  );
});

test("a photo with a caption in the log's language and a people count", () => {
  const text = describePhoto({
    language: "es",
    kind: "photo",
    facts: extractTextFacts([]),
    caption: { text: "Sala de juntas con una mesa rectangular", language: "es", source: "ollama:llava" },
    peopleCount: 8,
  });
  expect(text).toBe("Fotografía: Sala de juntas con una mesa rectangular. Se ven 8 personas.");
});

test("an English-only caption in a Spanish log is marked as such", () => {
  const text = describePhoto({
    language: "es",
    kind: "photo",
    facts: extractTextFacts([]),
    caption: { text: "a man sitting at a desk with a laptop", language: "en", source: "onnx:vit-gpt2" },
    peopleCount: 1,
  });
  expect(text).toBe("Fotografía: descripción automática (en inglés): «a man sitting at a desk with a laptop». Se ve 1 persona.");
});

test("a photo with nothing known is still a sentence", () => {
  expect(describePhoto({ language: "en", kind: "photo", facts: extractTextFacts([]) })).toBe("Photo.");
});

test("a photo whose only text is a label quotes its first line", () => {
  expect(describePhoto({ language: "es", kind: "photo", facts: extractTextFacts([]), firstLine: "MACHINE WASH COLD" })).toBe(
    "Fotografía con el texto «MACHINE WASH COLD».",
  );
});
