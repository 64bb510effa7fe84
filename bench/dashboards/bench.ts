/**
 * Dashboard benchmark: a generated vault of 1,000 daily logs with 10,000 entries (written by the
 * real log writer, parsed by the real parser). Measures full regeneration, the update after one
 * new entry, and the naive reference (re-parse and rebuild everything on each change) in the
 * same run. Writes bench/results/dashboards.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DashboardRenderer } from "../../src/core/dashboards/render";
import { DEFAULT_DASHBOARD_SETTINGS, type DashboardSettings } from "../../src/core/dashboards/settings";
import { isoDay, dayNumber } from "../../src/core/dashboards/sprint";
import type { LogEntry } from "../../src/core/log/entry";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { renderEntry } from "../../src/core/log/render-entry";
import { labels, makeEntry, note } from "./generated-log";

const DAYS = 1000;
const ENTRIES_PER_DAY = 10;
const RUNS = 15;
const settings: DashboardSettings = { ...DEFAULT_DASHBOARD_SETTINGS, sprintFirstDay: "2023-01-02" };
/** Wall time in ms; CPU time of this process goes to `cpuSamples` (the machine is shared: both matter). */
let cpuSamples: number[] = [];
function time<T>(fn: () => T): [number, T] {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = fn();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  cpuSamples.push((used.user + used.system) / 1000);
  return [wall, value];
}
function cpuOf(run: () => void): number[] {
  cpuSamples = [];
  run();
  return cpuSamples;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const r = (v: number) => Math.round(v * 100) / 100;
  return { median_ms: r(at(0.5)), p90_ms: r(at(0.9)), max_ms: r(sorted[sorted.length - 1]), runs: samples.length };
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

// The vault: note path → note text, written by the log writer.
const first = dayNumber("2023-01-02");
const texts = new Map<string, string>();
for (let d = 0; d < DAYS; d++) {
  const day = isoDay(first + d);
  texts.set(`Log/${day}.md`, note(day, Array.from({ length: ENTRIES_PER_DAY }, (_, k) => makeEntry(day, k))));
}
const lastDay = isoDay(first + DAYS - 1);
const vaultChars = [...texts.values()].reduce((n, t) => n + t.length, 0);
gc?.();
const heapBefore = process.memoryUsage().heapUsed;

const parseAll = () => new Map([...texts].map(([p, t]) => [p, parseLogNote(t).entries.map((e) => e.entry)]));
const buildAndRender = (byNote: Map<string, LogEntry[]>) => {
  const renderer = new DashboardRenderer(settings);
  renderer.setNotes(byNote);
  return { renderer, notes: renderer.render({}) };
};

// Warm up the JIT the way a running plugin is warm.
for (let i = 0; i < 3; i++) buildAndRender(parseAll());

const parsed = parseAll();
const entryCount = [...parsed.values()].reduce((n, e) => n + e.length, 0);
const fromEntries: number[] = [];
const fromText: number[] = [];
const parseOnly: number[] = [];
const fromEntriesCpu = cpuOf(() => {
  for (let i = 0; i < RUNS; i++) fromEntries.push(time(() => buildAndRender(parsed))[0]);
});
const fromTextCpu = cpuOf(() => {
  for (let i = 0; i < RUNS; i++) fromText.push(time(() => buildAndRender(parseAll()))[0]);
});
const parseOnlyCpu = cpuOf(() => {
  for (let i = 0; i < RUNS; i++) parseOnly.push(time(parseAll)[0]);
});

// One new entry at a time, appended to today's note: re-parse that note, update, render.
const { renderer } = buildAndRender(parsed);
const existing = renderer.render({ sprint: "# Sprint\n\nnotas\n", deployments: "# Despliegues\n" });
const todayPath = `Log/${lastDay}.md`;
let todayText = texts.get(todayPath)!;
const incremental: number[] = [];
const naive: number[] = [];
const incrementalCpu: number[] = [];
const naiveCpu: number[] = [];
let heapPeak = process.memoryUsage().heapUsed;
for (let i = 0; i < RUNS; i++) {
  todayText += "\n" + renderEntry(makeEntry(lastDay, 10 + i), labels);
  texts.set(todayPath, todayText);
  incrementalCpu.push(...cpuOf(() => incremental.push(time(() => {
    renderer.setNote(todayPath, parseLogNote(todayText).entries.map((e) => e.entry));
    return renderer.render(existing);
  })[0])));
  naiveCpu.push(...cpuOf(() => naive.push(time(() => buildAndRender(parseAll()).notes)[0])));
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}
const check = renderer.render(existing);
const reference = buildAndRender(parseAll()).renderer.render(existing);
if (check.sprint !== reference.sprint || check.deployments !== reference.deployments) throw new Error("incremental output differs from full regeneration");

const result = {
  generatedAt: new Date().toISOString(),
  machine: { node: process.version, cpu: os.cpus()[0]?.model, cores: os.cpus().length, platform: `${os.platform()} ${os.arch()}`, loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10 },
  note: "wall = elapsed time; cpu = this process's CPU time for the same runs. The build machine is shared (load average above), so wall times include waiting for a core; cpu is what the work costs.",
  vault: { dailyNotes: DAYS, entries: entryCount + RUNS, noteChars: vaultChars, sprintLengthDays: settings.sprintLengthDays },
  budgets: { fullRegeneration_ms: 300, oneNewEntry_ms: 20 },
  fullRegeneration: {
    fromParsedEntries: { wall: stats(fromEntries), cpu: stats(fromEntriesCpu) },
    fromNoteText_parseAndRender: { wall: stats(fromText), cpu: stats(fromTextCpu) },
    parseLogNoteOnly_allNotes: { wall: stats(parseOnly), cpu: stats(parseOnlyCpu) },
  },
  oneNewEntry: {
    incremental_reparseOneNote_update_render: { wall: stats(incremental), cpu: stats(incrementalCpu) },
    reference_naiveFullReparseAndRebuild: { wall: stats(naive), cpu: stats(naiveCpu) },
    incrementalEqualsFull: true,
  },
  memory: {
    heapUsedVaultTexts_mb: mb(heapBefore),
    heapUsedPeak_mb: mb(heapPeak),
    maxRss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    dashboardNoteChars: { sprint: check.sprint.length, deployments: check.deployments.length },
  },
  pass: {
    fullRegenerationFromEntries_medianWall: stats(fromEntries).median_ms <= 300,
    fullRegenerationFromText_medianWall: stats(fromText).median_ms <= 300,
    oneNewEntry_medianWall: stats(incremental).median_ms <= 20,
    oneNewEntry_p90Wall: stats(incremental).p90_ms <= 20,
  },
};

const out = path.join(process.env.BITACORA_ROOT ?? process.cwd(), "bench/results/dashboards.json");
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
console.log(JSON.stringify({ fullRegeneration: result.fullRegeneration, oneNewEntry: result.oneNewEntry, memory: result.memory, pass: result.pass }, null, 2));
