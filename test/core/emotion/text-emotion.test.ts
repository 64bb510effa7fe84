import { analyseText } from "../../../src/core/emotion/text-emotion";
import type { TextEmotion } from "../../../src/core/emotion/text-emotion-types";

const top = (text: string): TextEmotion | "none" => {
  const { scores, evidence } = analyseText(text);
  if (evidence === 0) return "none";
  return (Object.keys(scores) as TextEmotion[]).sort((a, b) => scores[b] - scores[a])[0];
};

test("engineering words: funciona, falla, error, excelente, bloqueado, retraso", () => {
  expect(top("Ya funciona el servicio")).toBe("satisfaction");
  expect(top("La prueba falla")).toBe("frustration");
  expect(top("Otro error en el build")).toBe("frustration");
  expect(top("Excelente resultado")).toBe("joy");
  expect(top("Seguimos bloqueados")).toBe("frustration");
  expect(top("Hay un retraso en la entrega")).toBe("frustration");
});

test("negation flips valence: no funciona, sin errores, doesn't work, not worried", () => {
  expect(top("No funciona")).toBe("frustration");
  expect(top("El despliegue terminó sin errores")).toBe("satisfaction");
  expect(top("The new build is not working")).toBe("frustration");
  expect(top("I'm not worried about it")).toBe("satisfaction");
  expect(analyseText("no funciona").valence).toBeLessThan(0);
  expect(analyseText("funciona").valence).toBeGreaterThan(0);
});

test("negation ends at punctuation", () => {
  expect(top("No, funciona perfecto")).not.toBe("frustration");
});

test("accents and case do not matter", () => {
  const a = analyseText("FALLÓ otra vez, qué PREOCUPACIÓN");
  const b = analyseText("fallo otra vez, que preocupacion");
  expect(a.scores).toEqual(b.scores);
  expect(a.scores.concern).toBeGreaterThan(0);
});

test("intensifiers scale, diminishers soften", () => {
  const plain = analyseText("estoy preocupado").scores.concern;
  expect(analyseText("estoy muy preocupado").scores.concern).toBeGreaterThan(plain);
  expect(analyseText("estoy un poco preocupado").scores.concern).toBeLessThan(plain);
});

test("phrases beat their words: no estoy seguro is worry, not negated confidence", () => {
  expect(top("No estoy seguro de que lleguemos")).toBe("concern");
  expect(top("I'm not sure we will make it")).toBe("concern");
});

test("exclamations turn calm approval into enthusiasm", () => {
  expect(top("Todo funciona")).toBe("satisfaction");
  expect(top("¡Todo funciona!")).toBe("joy");
});

test("factual sentences carry no emotional evidence", () => {
  expect(analyseText("Revisé los logs del servidor a las nueve").evidence).toBe(0);
  expect(analyseText("The meeting is on Thursday").evidence).toBe(0);
  expect(analyseText("").evidence).toBe(0);
});

test("stems do not swallow unrelated words (terminal is not terminado)", () => {
  expect(analyseText("Abrí la terminal y el trabajo").evidence).toBe(0);
});

test("technical vocabulary alone is not an emotion: error handling, uploading, the afternoon", () => {
  expect(analyseText("Revisé el manejo de errores por la tarde").evidence).toBeLessThan(0.6);
  expect(analyseText("Estoy subiendo los archivos").evidence).toBe(0);
  expect(analyseText("Added error handling to the parser").evidence).toBeLessThan(0.6);
});

test("Mexican colloquial Spanish: jala, qué padre, atorados, se cayó, ya no aguanto", () => {
  expect(top("qué padre, ya jala el pipeline")).toBe("joy");
  expect(top("estamos atorados con los permisos")).toBe("frustration");
  expect(top("otra vez se cayó el servidor, no puede ser")).toBe("frustration");
  expect(top("ya no aguanto este bug")).toBe("frustration");
  expect(top("no me gusta cómo quedó la interfaz")).toBe("frustration");
});
