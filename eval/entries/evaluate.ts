/**
 * `npm run eval:entries`: builds each gold day as a vault (eval/entries/days), runs the real CLI
 * on it with the stand-in whisper-cli (known transcripts; no Whisper weights exist here) and the
 * real OCR, parses the log it wrote and scores titles, areas, links, metrics, emotion,
 * deployments, retrospectives, key facts and dashboards. Writes eval/results/entries.json.
 * Usage: npm run eval:entries [-- day-id …] [--keep]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildVault } from "./build-vault";
import { loadGoldDays } from "./gold";
import { dashboardCounts, expectedDashboard, scoreMoment, writtenEntries, type MomentScore } from "./score";

const TARGETS = { area: 0.92, linksPrecision: 0.95, linksRecall: 0.85, metricsPrecision: 0.95, metricsRecall: 0.8, titleF1: 0.5 };

const root = process.env.BITACORA_ROOT ?? process.cwd();
const argv = process.argv.slice(2);
const keep = argv.includes("--keep");
const only = argv.filter((a) => !a.startsWith("--"));
const days = loadGoldDays(root).filter((d) => only.length === 0 || only.includes(d.id));
const standIn = path.join(root, "eval/entries/whisper-stand-in.mjs");
const model = path.join(root, "../shared/testdata/whisper_models/for-tests-ggml-tiny.bin");
const base = mkdtempSync(path.join(tmpdir(), "bitacora-eval-entries-"));

const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");
const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

const perDay = days.map((day) => {
  const vault = path.join(base, day.id, "vault");
  const work = path.join(base, day.id, "work");
  const recordings = buildVault(day, vault, work);
  const manifest = path.join(work, "transcripts.json");
  writeFileSync(manifest, JSON.stringify(recordings));
  const standInLog = path.join(work, "stand-in.log");
  const started = Date.now();
  const cli = spawnSync(
    process.execPath,
    [path.join(root, "bin/bitacora.js"), "process", vault, "--json", "--whisper-cli", standIn, "--model", model, "--language", day.language, "--log-language", day.language],
    { env: { ...process.env, BITACORA_EVAL_TRANSCRIPTS: manifest, BITACORA_EVAL_STAND_IN_LOG: standInLog }, encoding: "utf8" },
  );
  const seconds = (Date.now() - started) / 1000;
  if (cli.status !== 0) console.error(`${day.id}: CLI exited ${cli.status}\n${cli.stderr.slice(-2000)}`);
  const logFolder = path.join(vault, "Logs");
  const logText = existsSync(logFolder) ? readdirSync(logFolder).filter((f) => f.endsWith(".md")).sort().map((f) => read(path.join(logFolder, f))).join("\n") : "";
  const written = writtenEntries(logText);
  const moments = day.entries.map((entry) => scoreMoment(entry, written));
  const dashboards = dashboardCounts(read(path.join(vault, "Dashboards/Deployments.md")), read(path.join(vault, "Dashboards/Sprint.md")));
  const expected = expectedDashboard(day);
  const standInMisses = read(standInLog).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { off: number }).filter((c) => c.off > 1).length;
  console.log(`${day.id}: ${written.length} entries written for ${day.entries.length} moments in ${seconds.toFixed(0)} s`);
  return {
    id: day.id,
    language: day.language,
    cliExit: cli.status,
    seconds,
    standInMisses,
    dashboards: { expected, found: dashboards, exact: JSON.stringify(sortKeys(expected)) === JSON.stringify(sortKeys(dashboards)) },
    moments,
    log: logText,
  };
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value) || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
}

function summarise(moments: MomentScore[], dashboardsExact: boolean[]) {
  const sum = (f: (m: MomentScore) => number) => moments.reduce((n, m) => n + f(m), 0);
  const linksFound = sum((m) => m.links.found.length);
  const linksWrong = sum((m) => m.links.wrong.length);
  const metricsRight = sum((m) => m.metrics.correct.length);
  const metricsWrong = sum((m) => m.metrics.wrong.length);
  const metricsMissed = sum((m) => m.metrics.missed.length);
  return {
    moments: moments.length,
    titleF1: ratio(sum((m) => m.title.f1), moments.length),
    area: ratio(sum((m) => m.area.correct), sum((m) => m.area.total)),
    linksPrecision: ratio(linksFound, linksFound + linksWrong),
    linksRecall: ratio(linksFound, sum((m) => m.links.expected.length)),
    closingLinksRecall: ratio(sum((m) => m.links.closingFound.length), sum((m) => m.links.closingExpected.length)),
    metricsPrecision: ratio(metricsRight, metricsRight + metricsWrong),
    metricsRecall: ratio(sum((m) => m.metrics.correct.length) - sum((m) => optionalFound(m)), sum((m) => m.metrics.correct.length) - sum((m) => optionalFound(m)) + metricsMissed),
    emotionPolarity: ratio(moments.filter((m) => m.emotion.expected === m.emotion.predicted).length, moments.length),
    deploymentsExact: moments.every((m) => m.deployments.exact),
    deploymentMomentsRight: ratio(moments.filter((m) => m.deployments.exact).length, moments.length),
    typeExact: ratio(moments.filter((m) => m.type.exact).length, moments.length),
    factsStated: ratio(sum((m) => m.facts.expected.length - m.facts.missing.length), sum((m) => m.facts.expected.length)),
    dashboardsExact: dashboardsExact.every(Boolean),
  };
}

// Optional gold metrics a run found are right (precision) but not part of recall.
const optionalIds = new Map<string, Set<string>>();
for (const day of days) for (const e of day.entries) optionalIds.set(`${day.id}@${e.time}`, new Set(e.metrics.filter((m) => m.optional).map((m) => m.key)));
let currentDay = "";
function optionalFound(m: MomentScore): number {
  const ids = optionalIds.get(`${currentDay}@${m.time}`) ?? new Set<string>();
  return m.metrics.correct.filter((id) => ids.has(id.split("=")[0])).length;
}

const dayResults = perDay.map((d) => {
  currentDay = d.id;
  return { id: d.id, language: d.language, cliExit: d.cliExit, seconds: Math.round(d.seconds), standInMisses: d.standInMisses, ...summarise(d.moments, [d.dashboards.exact]), dashboards: d.dashboards };
});
const overallParts = perDay.map((d) => {
  currentDay = d.id;
  return summarise(d.moments, [d.dashboards.exact]);
});
// Overall: pool the moments of every day (each day's optional metrics resolved above).
const overall = (() => {
  const n = perDay.reduce((s, d) => s + d.moments.length, 0);
  const weighted = (key: "titleF1" | "emotionPolarity" | "typeExact" | "deploymentMomentsRight") =>
    ratio(overallParts.reduce((s, p, i) => s + (p[key] ?? 0) * perDay[i].moments.length, 0), n);
  const pooled = (num: (m: MomentScore, day: string) => number, den: (m: MomentScore, day: string) => number) => {
    let a = 0;
    let b = 0;
    for (const d of perDay) {
      currentDay = d.id;
      for (const m of d.moments) {
        a += num(m, d.id);
        b += den(m, d.id);
      }
    }
    return ratio(a, b);
  };
  const linksFound = (m: MomentScore) => m.links.found.length;
  const required = (m: MomentScore) => m.metrics.correct.length - optionalFound(m);
  return {
    moments: n,
    titleF1: weighted("titleF1"),
    area: pooled((m) => m.area.correct, (m) => m.area.total),
    linksPrecision: pooled(linksFound, (m) => m.links.found.length + m.links.wrong.length),
    linksRecall: pooled(linksFound, (m) => m.links.expected.length),
    closingLinksRecall: pooled((m) => m.links.closingFound.length, (m) => m.links.closingExpected.length),
    metricsPrecision: pooled((m) => m.metrics.correct.length, (m) => m.metrics.correct.length + m.metrics.wrong.length),
    metricsRecall: pooled(required, (m) => required(m) + m.metrics.missed.length),
    emotionPolarity: weighted("emotionPolarity"),
    deploymentsExact: perDay.every((d) => d.moments.every((m) => m.deployments.exact)),
    typeExact: weighted("typeExact"),
    factsStated: pooled((m) => m.facts.expected.length - m.facts.missing.length, (m) => m.facts.expected.length),
    dashboardsExact: perDay.every((d) => d.dashboards.exact),
  };
})();

const meets = {
  area: (overall.area ?? 0) >= TARGETS.area,
  linksPrecision: (overall.linksPrecision ?? 0) >= TARGETS.linksPrecision,
  linksRecall: (overall.linksRecall ?? 0) >= TARGETS.linksRecall,
  metricsPrecision: (overall.metricsPrecision ?? 0) >= TARGETS.metricsPrecision,
  metricsRecall: (overall.metricsRecall ?? 0) >= TARGETS.metricsRecall,
  titleF1: (overall.titleF1 ?? 0) >= TARGETS.titleF1,
  deploymentsExact: overall.deploymentsExact,
  dashboardsExact: overall.dashboardsExact,
};

const result = {
  generatedAt: new Date().toISOString(),
  how: "Gold days in eval/entries/days built as vaults (espeak-ng recordings, ImageMagick screens), processed by bin/bitacora.js with the stand-in whisper-cli (known transcripts) and the real OCR; logs read with parseLogNote.",
  targets: TARGETS,
  overall,
  meets,
  days: dayResults,
  moments: perDay.map((d) => ({ day: d.id, moments: d.moments })),
};
mkdirSync(path.join(root, "eval/results"), { recursive: true });
writeFileSync(path.join(root, "eval/results/entries.json"), JSON.stringify(result, null, 2) + "\n");
for (const d of perDay) writeFileSync(path.join(base, `${d.id}.log.md`), d.log);
console.log(JSON.stringify({ overall, meets }, null, 2));
if (keep) console.log(`Vaults kept in ${base}`);
else rmSync(base, { recursive: true, force: true });
