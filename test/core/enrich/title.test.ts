import { chooseTitle, isUserEditedTitle, suggestTitle } from "../../../src/core/enrich/title";
import { seedEntries } from "./seed-log";

describe("suggestTitle", () => {
  test.each<[string, string]>([
    ["Realizamos el despliegue del sistema completo en el servidor de pruebas para testing final.", "Despliegue del sistema completo"],
    ["Iniciando test con 1000 usuarios concurrentes - dice el QA engineer.", "Test con 1000 usuarios concurrentes"],
    ["Bueno, este, revisión de optimizaciones de modelo con el equipo.", "Revisión de optimizaciones de modelo"],
    ["Sesión de retrospectiva con todo el equipo para evaluar el progreso", "Sesión de retrospectiva"],
    ["Dashboard de Kubernetes mostrando pods en estado Running.", "Dashboard de kubernetes"],
    ["So, um, code review of the audio resampler went well.", "Review of the audio resampler"],
    ["Photo of a whiteboard with the new API architecture.", "Whiteboard with the new API architecture"],
    ["The deployment to staging finished without errors.", "Deployment to staging finished without errors"],
    ["", ""],
  ])("%s → %s", (text, title) => {
    expect(suggestTitle(text)).toBe(title);
  });

  test("seed 000 transcripts and descriptions give short titles", () => {
    for (const entry of seedEntries()) {
      const title = suggestTitle([...entry.transcripts, ...entry.descriptions].join(" "));
      expect(title.length).toBeGreaterThan(3);
      expect(title.split(" ").length).toBeLessThanOrEqual(6);
      expect(title).not.toMatch(/["*[\]]/);
    }
  });

  test("lower-case option keeps seed 000's heading style", () => {
    expect(suggestTitle("Revisión de optimizaciones de modelo.", { capitalize: false })).toBe("revisión de optimizaciones de modelo");
  });
});

describe("user-edited titles are kept", () => {
  test.each<[string, Parameters<typeof chooseTitle>[0], string, string]>([
    ["placeholder is replaced", { current: "optimization_results.jpg", placeholders: ["optimization_results.jpg"] }, "Nuevo", "Nuevo"],
    ["empty is replaced", { current: "" }, "Nuevo", "Nuevo"],
    ["our own previous suggestion is replaced", { current: "Viejo", previousSuggestion: "Viejo" }, "Nuevo", "Nuevo"],
    ["a title the user changed stays", { current: "Mi título", previousSuggestion: "Viejo" }, "Nuevo", "Mi título"],
    ["unknown origin stays (never lose the user's words)", { current: "Algo" }, "Nuevo", "Algo"],
    ["nothing suggested keeps the current title", { current: "Viejo", previousSuggestion: "Viejo" }, "", "Viejo"],
  ])("%s", (_name, state, suggested, expected) => {
    expect(chooseTitle(state, suggested)).toBe(expected);
  });

  test("isUserEditedTitle", () => {
    expect(isUserEditedTitle({ current: "A", previousSuggestion: "B" })).toBe(true);
    expect(isUserEditedTitle({ current: "B", previousSuggestion: "B" })).toBe(false);
  });
});
