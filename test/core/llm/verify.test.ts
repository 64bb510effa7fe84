import { checkAnswer, parseModelAnswer, supportedBy } from "../../../src/core/llm/verify";

test("numbers and quotes must be in the source; spoken numbers count", () => {
  const source = "Con cuatro workers procesamos ciento veinte mensajes por segundo. El coordinador dijo: necesitamos más acentos del norte.";
  expect(supportedBy("4 workers, 120 mensajes por segundo", source)).toBe(true);
  expect(supportedBy("5 workers", source)).toBe(false);
  expect(supportedBy("El coordinador pidió «más acentos del norte»", source)).toBe(true);
  expect(supportedBy("Dijo «todo perfecto»", source)).toBe(false);
});

test("replies: JSON inside fences or prose is found; anything else is no answer", () => {
  expect(parseModelAnswer('Here you go:\n```json\n{"title": "A", "keyPoints": ["x", 3, ""]}\n```')).toEqual({ title: "A", keyPoints: ["x"], description: undefined });
  expect(parseModelAnswer("no json here")).toBeUndefined();
  expect(parseModelAnswer("{broken")).toBeUndefined();
  expect(parseModelAnswer("[1, 2]")).toBeUndefined();
});

test("an answer keeps what is supported and lists what it dropped", () => {
  expect(checkAnswer({ title: "Accuracy 99%", keyPoints: ["Accuracy 89.4%"] }, "accuracy de 89.4%")).toEqual({
    title: undefined,
    keyPoints: ["Accuracy 89.4%"],
    description: undefined,
    dropped: ["Accuracy 99%"],
  });
});
