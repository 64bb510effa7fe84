/**
 * Scores the log Bitácora wrote for one gold day. Entries are read with the project's own log
 * parser, and an entry belongs to a gold moment when its text names one of the moment's
 * attachments, so the scorer works whether a moment is one entry or one entry per attachment.
 */
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { fold } from "../../src/core/enrich/text";
import type { GoldDay, GoldEntry, GoldMetric } from "./gold";

export interface WrittenEntry {
  title: string;
  area: string;
  date: string;
  fields: Record<string, string>;
  topics: string[];
  raw: string;
}

export function writtenEntries(logText: string): WrittenEntry[] {
  return parseLogNote(logText).entries.map(({ entry, raw }) => ({
    title: entry.title,
    area: entry.area,
    date: entry.date,
    fields: entry.fields,
    topics: entry.topics,
    raw,
  }));
}

const tokens = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

export function tokenF1(predicted: string, reference: string): number {
  const p = tokens(predicted);
  const r = tokens(reference);
  if (p.length === 0 || r.length === 0) return 0;
  const pool = [...r];
  let common = 0;
  for (const t of p) {
    const at = pool.indexOf(t);
    if (at >= 0) {
      common++;
      pool.splice(at, 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / p.length;
  const recall = common / r.length;
  return (2 * precision * recall) / (precision + recall);
}

const NEGATIVE = new Set(["frustracion", "frustration", "preocupacion", "concern", "tristeza", "sadness", "enojo", "anger"]);
const POSITIVE = new Set(["entusiasmo", "enthusiasm", "satisfaccion", "satisfaction", "alegria", "joy"]);
function polarity(label: string | undefined): "positive" | "negative" | "neutral" {
  const key = fold(label ?? "");
  return NEGATIVE.has(key) ? "negative" : POSITIVE.has(key) ? "positive" : "neutral";
}

// Fields that describe the entry rather than measure something.
const NOT_METRICS = new Set(["emotion", "type", "environment", "outcome", "services", "language", "duration", "image_kind", "camera", "location", "auto_title"]);
const NUMERIC = /^-?\d+(\.\d+)?$/;

function metricMatches(gold: GoldMetric, key: string, value: number): boolean {
  if (gold.key !== key) return false;
  return [gold.value, ...(gold.alternatives ?? [])].some((v) => Math.abs(v - value) <= Math.max(Math.abs(v) * 0.005, 1e-9));
}

/** Wikilink targets in the entry's text, without attachment embeds (files with an extension). */
function linkTargets(raw: string): Set<string> {
  const targets = new Set<string>();
  for (const m of raw.matchAll(/(!?)\[\[([^\]|#]+)/g)) {
    if (m[1] || /\.[a-z0-9]{2,4}$/i.test(m[2])) continue;
    targets.add(m[2].trim());
  }
  return targets;
}

/** The prose a reader reads: descriptions and key points, not the transcript quote or the OCR callout. */
function readerText(raw: string): string {
  return raw
    .split("\n")
    .filter((line) => !line.startsWith(">") && !/^\*(Contenido del audio|Audio content|Transcript|Transcripción)/i.test(line))
    .join("\n");
}

export interface MomentScore {
  time: string;
  entries: number;
  title: { predicted: string; reference: string; f1: number };
  area: { correct: number; total: number; predicted: string[] };
  links: { expected: string[]; found: string[]; wrong: string[]; closingExpected: string[]; closingFound: string[] };
  metrics: { correct: string[]; wrong: string[]; missed: string[] };
  emotion: { expected: string; predicted: string; labels: string[] };
  deployments: { expected: string[]; predicted: string[]; exact: boolean };
  type: { expected: string; predicted: string; exact: boolean };
  facts: { expected: string[]; missing: string[] };
}

export function scoreMoment(gold: GoldEntry, all: WrittenEntry[]): MomentScore {
  const files = gold.attachments.map((a) => a.file);
  const mine = all.filter((e) => files.some((f) => e.raw.includes(f))).sort((a, b) => a.date.localeCompare(b.date));
  const first = mine[0];
  const predictedTitle = first?.title ?? "";

  const found = new Set<string>();
  for (const e of mine) for (const t of linkTargets(e.raw)) found.add(t);
  const allowed = new Set([...gold.links, ...gold.closing]);
  const closingFound = gold.closing.filter((t) => mine.some((e) => e.topics.includes(t)));

  const correct: string[] = [];
  const wrong: string[] = [];
  const seen = new Set<string>();
  for (const e of mine) {
    for (const [key, value] of Object.entries(e.fields)) {
      if (NOT_METRICS.has(key) || !NUMERIC.test(value.trim())) continue;
      const id = `${key}=${value.trim()}`;
      if (seen.has(id)) continue;
      seen.add(id);
      (gold.metrics.some((m) => metricMatches(m, key, Number(value))) ? correct : wrong).push(id);
    }
  }
  const missed = gold.metrics
    .filter((m) => !m.optional && !correct.some((id) => metricMatches(m, id.split("=")[0], Number(id.split("=")[1]))))
    .map((m) => `${m.key}=${m.value}`);

  const labels = mine.map((e) => e.fields.emotion).filter((l): l is string => !!l);
  const polarities = labels.map(polarity);
  const predictedEmotion = polarities.find((p) => p !== "neutral") ?? "neutral";

  const events = new Set<string>();
  for (const e of mine) {
    if (e.fields.type === "deployment" || e.fields.environment) events.add(`${e.fields.environment ?? "—"}/${e.fields.outcome ?? "—"}`);
  }
  const expectedEvents = (gold.deployments ?? []).map((d) => `${d.environment}/${d.outcome}`).sort();
  const predictedEvents = [...events].sort();
  const types = new Set(mine.map((e) => e.fields.type).filter(Boolean));
  const predictedType = types.has("retrospective") ? "retrospective" : types.has("deployment") ? "deployment" : "";

  const prose = fold(mine.map((e) => readerText(e.raw)).join("\n"));
  return {
    time: gold.time,
    entries: mine.length,
    title: { predicted: predictedTitle, reference: gold.title, f1: tokenF1(predictedTitle, gold.title) },
    area: { correct: mine.filter((e) => e.area === gold.area).length, total: mine.length, predicted: mine.map((e) => e.area) },
    links: {
      expected: [...allowed],
      found: [...found].filter((t) => allowed.has(t)),
      wrong: [...found].filter((t) => !allowed.has(t)),
      closingExpected: gold.closing,
      closingFound,
    },
    metrics: { correct, wrong, missed },
    emotion: { expected: gold.emotion, predicted: predictedEmotion, labels },
    deployments: { expected: expectedEvents, predicted: predictedEvents, exact: JSON.stringify(expectedEvents) === JSON.stringify(predictedEvents) },
    type: { expected: gold.type ?? "", predicted: predictedType, exact: (gold.type ?? "") === predictedType },
    facts: { expected: gold.facts, missing: gold.facts.filter((f) => !prose.includes(fold(f))) },
  };
}

/** Deployments dashboard summary rows (environment → outcome counts) and Sprint retrospective links. */
export function dashboardCounts(deployments: string, sprint: string): { deployments: Record<string, Record<string, number>>; retrospectives: number } {
  const result: Record<string, Record<string, number>> = {};
  const lines = deployments.split("\n");
  const header = lines.findIndex((l) => /^\|[^|]+\|[^|]+\|\s*success\s*\|\s*failure\s*\|\s*rollback\s*\|/.test(l));
  if (header >= 0) {
    for (const line of lines.slice(header + 2)) {
      if (!line.startsWith("|")) break;
      const cells = line.split("|").slice(1, -1).map((c) => c.trim());
      const counts: Record<string, number> = {};
      ["success", "failure", "rollback", "—"].forEach((o, i) => {
        const n = Number(cells[2 + i]);
        if (n > 0) counts[o] = n;
      });
      result[cells[0]] = counts;
    }
  }
  const retrospectives = sprint.split("\n").filter((l) => /^- \[\[.*\]\] \(\d{4}-\d{2}-\d{2}\)$/.test(l)).length;
  return { deployments: result, retrospectives };
}

export function expectedDashboard(day: GoldDay): { deployments: Record<string, Record<string, number>>; retrospectives: number } {
  const deployments: Record<string, Record<string, number>> = {};
  for (const entry of day.entries) {
    for (const d of entry.deployments ?? []) {
      const env = (deployments[d.environment] ??= {});
      env[d.outcome] = (env[d.outcome] ?? 0) + 1;
    }
  }
  return { deployments, retrospectives: day.entries.filter((e) => e.type === "retrospective").length };
}
