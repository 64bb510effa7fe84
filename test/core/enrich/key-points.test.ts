import { keyPoints } from "../../../src/core/enrich/key-points";
import { fold } from "../../../src/core/enrich/text";

describe("key points taken from what was said", () => {
  test("results split into one point each, in the speaker's words", () => {
    const transcript =
      "Revisión de las optimizaciones de anoche. Los resultados superan expectativas: el accuracy mejoró de 85.3% a 89.4%, el loss se redujo en 82% y el tiempo de inferencia mejoró a 35 milisegundos, antes era de 50.";
    expect(keyPoints(transcript)).toEqual(["El accuracy mejoró de 85.3% a 89.4%", "El loss se redujo en 82%", "El tiempo de inferencia mejoró a 35 milisegundos, antes era de 50"]);
  });

  test("decisions, next steps and retro verdicts; questions are not points", () => {
    const transcript = "¿Cuánto nos falta? Cumplimos el 95% de los objetivos del sprint. Lo que no salió bien fue el despliegue. Para el próximo sprint propongo enfocarnos en la documentación.";
    expect(keyPoints(transcript)).toEqual([
      "Cumplimos el 95% de los objetivos del sprint",
      "Lo que no salió bien fue el despliegue",
      "Para el próximo sprint propongo enfocarnos en la documentación",
    ]);
  });

  test("figures spoken as words count; nothing but the transcript's words is used", () => {
    const transcript = "Con cuatro workers procesamos ciento veinte mensajes por segundo. The deployment succeeded and the smoke tests passed, 14 out of 14.";
    const points = keyPoints(transcript);
    expect(points).toHaveLength(2);
    const words = new Set(fold(transcript).match(/[\p{L}\p{N}]+/gu));
    for (const point of points) for (const word of fold(point).match(/[\p{L}\p{N}]+/gu) ?? []) expect(words.has(word)).toBe(true);
  });

  test("fewer than two points: no list (the transcript already says it)", () => {
    expect(keyPoints("Debugging the Twilio webhook. Honestly, I'm frustrated.")).toEqual([]);
  });
});
