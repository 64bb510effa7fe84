import { readFileSync } from "node:fs";
import path from "node:path";
import { classifyArea, DEFAULT_AREA_SETTINGS, type AreaSettings } from "../../../src/core/enrich/area";
import { seedEntries } from "./seed-log";

describe("classifyArea", () => {
  test.each(seedEntries().map((e) => [e.title, e.area, e.body] as const))("seed 000 '%s' → %s", (title, area, body) => {
    expect(classifyArea({ text: `${title}\n${body}` }).area).toBe(area);
  });

  test.each<[string, string]>([
    ["Desplegamos la versión nueva en staging con 3 réplicas", "DevOps"],
    ["Load test with 800 concurrent users, p95 within the SLA", "Quality Assurance"],
    ["Grabamos muestras con voluntarios en la cabina", "Data Collection"],
    ["Sprint planning with the team, backlog grooming", "Team Management"],
    ["Bajamos el loss del modelo con un nuevo learning rate", "Technical"],
  ])("%s → %s", (text, area) => {
    expect(classifyArea({ text }).area).toBe(area);
  });

  test("no evidence falls back to the default area", () => {
    const decision = classifyArea({ text: "Café con el vecino, hablamos del clima." });
    expect(decision).toMatchObject({ area: "Technical", fallback: true });
    const custom: AreaSettings = { ...DEFAULT_AREA_SETTINGS, defaultArea: "Team Management" };
    expect(classifyArea({ text: "nada relevante" }, custom).area).toBe("Team Management");
  });

  test("a tie falls back to the default area instead of guessing", () => {
    const decision = classifyArea({ text: "deploy y tests" });
    expect(decision.scores.DevOps).toBe(decision.scores["Quality Assurance"]);
    expect(decision).toMatchObject({ area: "Technical", fallback: true });
  });

  test("folder rules and area-named folders decide weak cases", () => {
    const settings: AreaSettings = { ...DEFAULT_AREA_SETTINGS, folderRules: [{ folder: "Campo/Grabaciones", area: "Data Collection" }] };
    expect(classifyArea({ text: "nota rápida", path: "Campo/Grabaciones/2025-07-30 1120.m4a" }, settings).area).toBe("Data Collection");
    expect(classifyArea({ text: "nota rápida", path: "Adjuntos/DevOps/foto.jpg" }).area).toBe("DevOps");
  });

  test("user keyword rules outweigh built-in words, accents and case ignored", () => {
    const settings: AreaSettings = { ...DEFAULT_AREA_SETTINGS, keywordRules: [{ keyword: "Hotel Piloto", area: "Data Collection" }] };
    expect(classifyArea({ text: "Reunión en el hotel piloto" }).area).toBe("Team Management");
    expect(classifyArea({ text: "Reunión en el HOTEL PILOTO" }, settings).area).toBe("Data Collection");
  });

  test("configured areas replace the defaults", () => {
    const settings: AreaSettings = {
      ...DEFAULT_AREA_SETTINGS,
      areas: [{ name: "Investigación", keywords: ["paper*", "artículo"] }, { name: "Operación", keywords: ["servidor"] }],
      defaultArea: "Investigación",
    };
    expect(classifyArea({ text: "Reinicié el servidor" }, settings).area).toBe("Operación");
  });

  test("labelled set accuracy stays at or above the committed result", () => {
    const results = JSON.parse(readFileSync(path.resolve(__dirname, "../../../eval/results/area.json"), "utf8"));
    const load = (file: string) => JSON.parse(readFileSync(path.resolve(__dirname, "../../../eval/area", file), "utf8")).items as Array<{ text: string; area: string }>;
    const items = [...load("labelled.json"), ...load("heldout.json")];
    const hits = items.filter((i) => classifyArea({ text: i.text }).area === i.area).length;
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(Math.round((hits / items.length) * 1000) / 1000).toBeGreaterThanOrEqual(results.accuracy);
  });
});

describe("what the entry records weighs in", () => {
  test("a retrospective is team management even when it talks about tests and Redis", () => {
    const text = "Retrospectiva del sprint 2 con el equipo. Pasamos de 42 de 45 tests a 49 de 49 y eliminamos los tests flaky. Próximo sprint: monitoreo con Grafana y Redis.";
    expect(classifyArea({ text, activity: "retrospective" }).area).toBe("Team Management");
  });

  test("a deployment is DevOps even when its smoke tests are named", () => {
    const text = "We shipped version 1.0 of the call bot to production. The smoke tests passed, 14 out of 14.";
    expect(classifyArea({ text, activity: "deployment" }).area).toBe("DevOps");
  });
});
