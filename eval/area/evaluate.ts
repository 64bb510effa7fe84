/**
 * Area classification accuracy on the labelled set (eval/area/labelled.json) with the default
 * settings, text only (no folder, no user rules). Writes eval/results/area.json.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { classifyArea, DEFAULT_AREA_SETTINGS } from "../../src/core/enrich/area";

interface Item {
  text: string;
  area: string;
  lang: string;
  source: string;
}

const root = process.env.BITACORA_ROOT ?? process.cwd();
const load = (file: string) => (JSON.parse(readFileSync(path.join(root, "eval/area", file), "utf8")) as { items: Item[] }).items;
// The held-out texts were written after the last keyword change; they measure generalisation.
const data = { items: [...load("labelled.json"), ...load("heldout.json")] };

const rate = (hits: number, total: number) => (total === 0 ? null : Math.round((hits / total) * 1000) / 1000);
const results = data.items.map((item) => {
  const decision = classifyArea({ text: item.text }, DEFAULT_AREA_SETTINGS);
  return { ...item, predicted: decision.area, fallback: decision.fallback, correct: decision.area === item.area };
});

function accuracyBy(key: (r: (typeof results)[number]) => string): Record<string, { n: number; accuracy: number | null }> {
  const groups: Record<string, { n: number; hits: number }> = {};
  for (const r of results) {
    const g = (groups[key(r)] ??= { n: 0, hits: 0 });
    g.n++;
    if (r.correct) g.hits++;
  }
  return Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, { n: g.n, accuracy: rate(g.hits, g.n) }]));
}

const confusion: Record<string, Record<string, number>> = {};
for (const r of results) {
  confusion[r.area] ??= {};
  confusion[r.area][r.predicted] = (confusion[r.area][r.predicted] ?? 0) + 1;
}

const summary = {
  generatedAt: new Date().toISOString(),
  settings: "DEFAULT_AREA_SETTINGS, text only (no folder rules, no keyword rules)",
  items: results.length,
  accuracy: rate(results.filter((r) => r.correct).length, results.length),
  fallbackToDefault: results.filter((r) => r.fallback).length,
  labelledSet: accuracyBy((r) => (r.source === "heldout" ? "heldout" : "labelled")),
  byLanguage: accuracyBy((r) => r.lang),
  bySource: accuracyBy((r) => r.source),
  byArea: accuracyBy((r) => r.area),
  confusion,
  errors: results.filter((r) => !r.correct).map((r) => ({ text: r.text, expected: r.area, predicted: r.predicted, fallback: r.fallback })),
};

mkdirSync(path.join(root, "eval/results"), { recursive: true });
writeFileSync(path.join(root, "eval/results/area.json"), JSON.stringify(summary, null, 2) + "\n");
console.log(`labelled ${JSON.stringify(summary.labelledSet.labelled)}, held-out ${JSON.stringify(summary.labelledSet.heldout)}`);
console.log(`area accuracy ${summary.accuracy} on ${summary.items} texts (es ${summary.byLanguage.es?.accuracy}, en ${summary.byLanguage.en?.accuracy}); ${summary.fallbackToDefault} fell back to the default area`);
for (const e of summary.errors) console.log(`  ✗ expected ${e.expected}, got ${e.predicted}${e.fallback ? " (fallback)" : ""}: ${e.text.slice(0, 90)}`);
