import { momentEmotion } from "../../../src/core/emotion/moment-emotion";

test.each([
  ["own non-neutral emotion wins", { label: "alegría", confidence: 0.9, source: "voice+text" as const }, "Todo falló, estoy frustrado.", "alegría"],
  ["a neutral attachment takes the combined words' emotion", { label: "neutral", confidence: 0.9, source: "text" as const }, "Estoy muy frustrado, el despliegue falló otra vez.", "frustración"],
  ["no emotion anywhere keeps the attachment's neutral", { label: "neutral", confidence: 0.9, source: "text" as const }, "Gráfica de precisión del modelo", "neutral"],
  ["no finding of its own: undefined, the moment keeps its emotion", undefined, "Estoy muy frustrado.", undefined],
])("%s", (_name, own, text, expected) => {
  expect(momentEmotion(own, text, "es")).toBe(expected);
});
