import { EMOTION_LABELS, fuseEmotion } from "../../../src/core/emotion/fusion";
import { analyseText } from "../../../src/core/emotion/text-emotion";

const calm = { probabilityHigh: 0.05, activeSec: 5 };
const agitated = { probabilityHigh: 0.95, activeSec: 5 };

test("neutral when the words carry no or weak evidence", () => {
  const none = fuseEmotion({ text: analyseText("Subí los resultados a la carpeta") }, "es");
  expect(none.key).toBe("neutral");
  expect(none.label).toBe("neutral");
  const hedge = fuseEmotion({ text: analyseText("quizá mañana") }, "es");
  expect(hedge.key).toBe("neutral");
});

test("the voice alone never names an emotion, but reports clear arousal", () => {
  const result = fuseEmotion({ voice: agitated }, "es");
  expect(result.key).toBe("neutral");
  expect(result.source).toBe("voice");
  expect(result.arousal).toBe("high");
  expect(fuseEmotion({ voice: { probabilityHigh: 0.95, activeSec: 0.35 } }, "es").arousal).toBeUndefined();
});

test("mixed good and bad news stays neutral; after 'pero' the second part counts more", () => {
  expect(fuseEmotion({ text: analyseText("funciona y también falla") }, "en").key).toBe("neutral");
  expect(fuseEmotion({ text: analyseText("works and also fails") }, "en").key).toBe("neutral");
  expect(fuseEmotion({ text: analyseText("funciona, pero falla") }, "en").key).toBe("frustration");
  expect(fuseEmotion({ text: analyseText("falla a veces, pero funciona bien") }, "en").key).toBe("satisfaction");
});

test("the voice decides between calm and agitated emotions of the same valence", () => {
  const good = analyseText("La migración quedó bien y todo funciona, excelente");
  expect(fuseEmotion({ text: good, voice: agitated }, "es").key).toBe("enthusiasm");
  expect(fuseEmotion({ text: good, voice: calm }, "es").key).toBe("satisfaction");
  const bad = analyseText("perdimos los datos y falla todo, qué pena");
  expect(fuseEmotion({ text: bad, voice: agitated }, "es").key).toBe("frustration");
  expect(fuseEmotion({ text: bad, voice: calm }, "es").key).toBe("sadness");
  expect(fuseEmotion({ text: bad, voice: calm }, "es").source).toBe("voice+text");
});

test("labels are in the log's language and confidence is a probability", () => {
  const es = fuseEmotion({ text: analyseText("Me preocupa mucho el riesgo de la caída") }, "es");
  const en = fuseEmotion({ text: analyseText("Me preocupa mucho el riesgo de la caída") }, "en");
  expect(es.label).toBe("preocupación");
  expect(en.label).toBe("concern");
  expect(es.confidence).toBeGreaterThan(0.35);
  expect(es.confidence).toBeLessThanOrEqual(0.95);
  expect(Object.values(EMOTION_LABELS.es)).toEqual(["entusiasmo", "satisfacción", "neutral", "preocupación", "frustración", "tristeza"]);
});

test("more emotional words give more confidence", () => {
  const one = fuseEmotion({ text: analyseText("estoy frustrado") }, "es").confidence;
  const many = fuseEmotion({ text: analyseText("estoy frustrado, harto y molesto, otra vez falla") }, "es").confidence;
  expect(many).toBeGreaterThan(one);
});
