import { buildNoteIndex } from "../../../src/core/enrich/links";
import { activityTopics, looseMentions } from "../../../src/core/enrich/main-topics";

const index = buildNoteIndex([
  { name: "production_deployments", aliases: ["despliegue a producción"] },
  { name: "sistema_qa_testing", aliases: ["pruebas de stress"] },
  { name: "deployment_automation" },
  { name: "agile_methodology", aliases: ["retrospectiva"] },
]);

test("an alias named in looser words, in order and close together", () => {
  expect(looseMentions("Planeación del despliegue: esta tarde subimos la versión 1.0 a producción.", index)).toEqual(["production_deployments"]);
  // Far apart, in another order, or split over sentences: no mention.
  expect(looseMentions("La producción va bien. El despliegue fue ayer.", index)).toEqual([]);
  expect(looseMentions("Producción primero, despliegue después.", index)).toEqual([]);
});

test("a note's own name is never matched loosely", () => {
  expect(looseMentions("Realizamos el despliegue del sistema completo en staging para el testing final.", index)).toEqual([]);
});

test("the note named after the activity", () => {
  expect(activityTopics("deployment", index)).toEqual(["production_deployments", "deployment_automation"]);
  expect(activityTopics("retrospective", index)).toEqual([]);
  expect(activityTopics(undefined, index)).toEqual([]);
});
