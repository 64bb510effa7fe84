/**
 * Metrics from transcripts and photo text (Spanish and English): a number, its unit and the
 * nearest words that say what it measures, turned into per-entry fields like `latency_ms`.
 */
import { digitsForNumberWords } from "./number-words";
import { fold } from "./text";

export interface Metric {
  key: string;
  value: number;
  unit: string;
  /** The source words, for review. */
  evidence: string;
}

type Aggregate = "first" | "last" | "max" | "sum";

interface MetricRule {
  key: string;
  /** Matches the folded unit right after the number ("ms", "%", "gb", or a word like "usuarios"). */
  unit: RegExp;
  /** Words near the number (same line/sentence) that give it meaning; omitted = unit is enough. */
  context?: RegExp;
  aggregate: Aggregate;
  unitLabel: string;
  /** Characters of head start over other rules ("latencia P95" is a p95, not a plain latency). */
  bonus?: number;
  convert?: (value: number, unit: string) => number;
}

const toMs = (v: number, unit: string) => (/^(s|seg|segundos?|sec|seconds?)$/.test(unit) ? v * 1000 : v);
const toGb = (v: number, unit: string) => (unit.startsWith("m") ? v / 1024 : v);
const toMb = (v: number, unit: string) => (unit.startsWith("g") ? v * 1024 : v);
const MS_OR_S = /^(ms|milisegundos?|milliseconds?|s|seg|segundos?|sec|seconds?)$/;
const PCT = /^%$/;
const NONE = /^$/;

// Order matters only for ties: the rule whose context word is nearest the number wins.
const RULES: MetricRule[] = [
  { key: "latency_p95_ms", bonus: 20, unit: MS_OR_S, context: /p95|percentil 95|95th/, aggregate: "first", unitLabel: "ms", convert: toMs },
  { key: "latency_p99_ms", bonus: 20, unit: MS_OR_S, context: /p99|percentil 99|99th/, aggregate: "first", unitLabel: "ms", convert: toMs },
  { key: "latency_p50_ms", bonus: 20, unit: MS_OR_S, context: /p50|mediana|median/, aggregate: "first", unitLabel: "ms", convert: toMs },
  { key: "inference_ms", unit: MS_OR_S, context: /inferencia|inference/, aggregate: "last", unitLabel: "ms", convert: toMs },
  { key: "latency_ms", unit: MS_OR_S, context: /latencia|latency|response time|tiempo de respuesta|respuesta|response/, aggregate: "last", unitLabel: "ms", convert: toMs },
  { key: "cache_hit_rate_pct", bonus: 20, unit: PCT, context: /hit rate|cache hit|tasa de aciertos|aciertos de cache/, aggregate: "last", unitLabel: "%" },
  { key: "accuracy_pct", unit: PCT, context: /accuracy|precision|exactitud|acierto|wer/, aggregate: "last", unitLabel: "%" },
  { key: "uptime_pct", unit: PCT, context: /uptime|disponibilidad|availability/, aggregate: "first", unitLabel: "%" },
  { key: "error_rate_pct", unit: PCT, context: /error rate|error_rate|tasa de error|errores|errors/, aggregate: "first", unitLabel: "%" },
  { key: "loss_reduction_pct", unit: PCT, context: /loss|perdida/, aggregate: "first", unitLabel: "%" },
  { key: "coverage_pct", unit: PCT, context: /coverage|cobertura/, aggregate: "first", unitLabel: "%" },
  { key: "cpu_pct", unit: PCT, context: /cpu/, aggregate: "first", unitLabel: "%" },
  { key: "goals_met_pct", unit: PCT, context: /objetivos|goals|metas/, aggregate: "first", unitLabel: "%" },
  { key: "gpu_memory_gb", unit: /^(gb|gib|mb|mib)$/, context: /gpu memory|gpu memoria|memoria de (la )?gpu|vram|gpu/, aggregate: "first", unitLabel: "GB", convert: toGb },
  { key: "memory_mb", unit: /^(gb|gib|mb|mib)$/, context: /memoria|memory|ram/, aggregate: "first", unitLabel: "MB", convert: toMb },
  { key: "loss", unit: NONE, context: /\bloss|perdida/, aggregate: "last", unitLabel: "" },
  { key: "concurrent_users", unit: /^(usuarios|users|vus|usuarias)$/, aggregate: "max", unitLabel: "users" },
  { key: "concurrent_requests", unit: /^(requests|peticiones|solicitudes|conexiones|connections|operaciones|operations|ops)$/, context: /concurrent|simultane/, aggregate: "max", unitLabel: "requests" },
  { key: "requests_per_min", unit: /^(req\/min|requests\/min|rpm|peticiones\/min)$/, aggregate: "max", unitLabel: "req/min" },
  { key: "requests_per_s", unit: /^(req\/s|rps|requests\/s|peticiones\/s)$/, aggregate: "max", unitLabel: "req/s" },
  { key: "messages_per_s", unit: /^msg\/s$/, aggregate: "max", unitLabel: "msg/s" },
  { key: "workers", unit: /^(workers|trabajadores)$/, aggregate: "max", unitLabel: "workers" },
  { key: "replicas", unit: /^(replicas?|pods?)$/, aggregate: "sum", unitLabel: "replicas" },
  { key: "samples", unit: /^(muestras|samples|grabaciones|recordings|clips)$/, aggregate: "sum", unitLabel: "samples" },
];

// A number, optionally preceded by < > ~ and followed by a unit or a (possibly adjective-led) counted noun.
const NUMBER = /(?<![\p{L}\p{N}.,:/])[<>~≈]?(\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:[.,]\d+)?)(?![\d])/gu;
const UNIT_AFTER = /^\s?(ms|milisegundos?|milliseconds?|segundos?|seconds?|seg|sec|s|%|gib|gb|mib|mb|req\/min|requests\/min|rpm|req\/s|requests\/s|rps|msg\/s)(?![\p{L}])/u;
const NOUN_AFTER = /^\s+(?:(?:nuevas?|nuevos|new|more|mas|concurrentes|concurrent|simultaneos|simultaneous|activ[oa]s|active)\s+)?(\p{L}+)/u;

function parseNumber(raw: string, unit: string): number {
  if (/^\d{1,3}(,\d{3})+$/.test(raw) && unit !== "%") return Number(raw.replace(/,/g, ""));
  return Number(raw.replace(",", "."));
}

/** The part of the line around [start, end) up to sentence punctuation, for context words. */
function windowAround(text: string, start: number, end: number): { before: string; after: string } {
  const lineStart = Math.max(text.lastIndexOf("\n", start - 1) + 1, start - 100);
  let before = text.slice(lineStart, start);
  const stop = Math.max(before.lastIndexOf(". "), before.lastIndexOf("; "));
  if (stop >= 0) before = before.slice(stop + 2);
  const lineEnd = text.indexOf("\n", end);
  let after = text.slice(end, Math.min(lineEnd < 0 ? text.length : lineEnd, end + 30));
  const afterStop = after.search(/[.;](\s|$)|,\s/);
  if (afterStop >= 0) after = after.slice(0, afterStop);
  return { before, after };
}

function contextDistance(rule: MetricRule, before: string, after: string): number {
  if (!rule.context) return 0;
  let best = Infinity;
  const global = new RegExp(rule.context.source, "g");
  for (const m of before.matchAll(global)) best = Math.min(best, before.length - (m.index + m[0].length));
  for (const m of after.matchAll(global)) best = Math.min(best, m.index + 1);
  return best;
}

/** Durations like "4h 23m", "4m30s", "2 horas", "3.5 hours" next to a duration word, in minutes. */
function findDurations(folded: string): Metric[] {
  const found: Metric[] = [];
  const pattern = /(\d+(?:[.,]\d+)?)\s*(h|hrs?|horas?|hours?)\b(?:\s*(\d+)\s*(m|min|minutos?|minutes?)\b)?|(\d+)\s*(m|min)\s*(\d+)\s*s\b/gu;
  for (const m of folded.matchAll(pattern)) {
    const { before } = windowAround(folded, m.index, m.index + m[0].length);
    if (!/\b(duracion|duration|tomo|took|tardo|lasted|duro|tiempo|time|sesion|session)\b/.test(before)) continue;
    const minutes = m[1] !== undefined
      ? Number(m[1].replace(",", ".")) * 60 + (m[3] ? Number(m[3]) : 0)
      : Number(m[5]) + Number(m[7]) / 60;
    found.push({ key: "duration_min", value: Math.round(minutes * 10) / 10, unit: "min", evidence: m[0] });
  }
  return found;
}

const TEST_WORDS = /tests?|pruebas|specs?|pasando|passing|passed|pasaron/;

/**
 * Test counts in the common phrasings: "47/47 tests", "47 de 47 tests pasando", "12 of 14
 * tests passing", "14 out of 14", "47 passed in 2.51s", "2 failed, 45 passed".
 */
function findTestCounts(folded: string): Metric[] {
  const found: Metric[] = [];
  for (const m of folded.matchAll(/(?<![\d.:/])(\d+)\s*(?:\/|\bde\b|\bof\b|\bout of\b)\s*(\d+)(?![\d/:]|\.\d)/g)) {
    const { before, after } = windowAround(folded, m.index, m.index + m[0].length);
    if (!TEST_WORDS.test(before + " " + after)) continue;
    const passed = Number(m[1]);
    const total = Number(m[2]);
    if (passed > total) continue;
    found.push({ key: "tests_passed", value: passed, unit: "tests", evidence: m[0] });
    found.push({ key: "tests_total", value: total, unit: "tests", evidence: m[0] });
  }
  for (const line of folded.split("\n")) {
    const passed = /(?<![\d.:/]|\bde |\bof |out of )(\d+)\s+(?:tests?\s+|pruebas\s+)?(passed|passing|pasando|pasaron)\b/.exec(line);
    if (!passed) continue;
    const failed = /(?<![\d.:/])(\d+)\s+(?:tests?\s+|pruebas\s+)?(failed|failing|fallando|fallaron)\b/.exec(line);
    found.push({ key: "tests_passed", value: Number(passed[1]), unit: "tests", evidence: passed[0] });
    if (failed) found.push({ key: "tests_failed", value: Number(failed[1]), unit: "tests", evidence: failed[0] });
    // pytest's summary line lists every outcome, so it gives the total too.
    if (failed || /^=+ .* =+$/.test(line.trim())) {
      found.push({ key: "tests_total", value: Number(passed[1]) + (failed ? Number(failed[1]) : 0), unit: "tests", evidence: line.trim() });
    }
  }
  return found;
}

/** Ready pods on a Kubernetes screen: "whisper-api 2/2 Running" counts 2 replicas. */
function findReadyReplicas(folded: string): Metric[] {
  return [...folded.matchAll(/(?<![\d.])(\d+)\/(\d+),?\s+(?:(?:status|estado)\s+)?(running|ready)\b/g)].map((m) => ({ key: "replicas", value: Number(m[1]), unit: "replicas", evidence: m[0] }));
}

/** "accuracy_pct" → "accuracy_before_pct"; "loss" → "loss_before". */
export function beforeKey(key: string): string {
  const unit = /_(pct|ms|gb|mb|min|s)$/.exec(key);
  return unit ? `${key.slice(0, unit.index)}_before${unit[0]}` : `${key}_before`;
}

/** Folded text with spoken numbers as digits and spoken units as symbols. */
function normalise(text: string): string {
  return digitsForNumberWords(fold(text))
    .replace(/(\d)\s*(percent|por ciento|porciento)\b/g, "$1%")
    .replace(/(\d)\s*(megas|megabytes)\b/g, "$1 mb")
    .replace(/(\d)\s*(gigas|gigabytes)\b/g, "$1 gb")
    .replace(/(\d)\s*(mensajes|messages|msgs?)\s*(por segundo|per second|\/\s?s)\b/g, "$1 msg/s")
    .replace(/(\d)\s*(requests|peticiones|solicitudes)\s*(por segundo|per second)\b/g, "$1 req/s");
}

/** All metrics found, in text order (several per key possible); see `aggregateMetrics`. */
export function findMetrics(text: string): Metric[] {
  const folded = normalise(text);
  const found: (Metric & { end: number; rawUnit: string })[] = [];
  let pendingBefore: { raw: string; unit: string; end: number } | undefined;
  for (const m of folded.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    const rest = folded.slice(end, end + 40);
    const unitMatch = UNIT_AFTER.exec(rest);
    const noun = unitMatch ? undefined : NOUN_AFTER.exec(rest);
    const unit = unitMatch ? unitMatch[1] : noun ? noun[1] : "";
    const unitEnd = end + (unitMatch ? unitMatch[0].length : noun ? noun[0].length : 0);
    // "de 85.3% a 89.4%" / "from 50ms to 35ms": the first value is the old one.
    if (/^\s*(a|to|->|→|hasta)\s*[<>~]?\d/.test(folded.slice(unitEnd, unitEnd + 12)) && /(de|from)\s*$/.test(folded.slice(start - 6, start))) {
      pendingBefore = { raw: m[1], unit: unitMatch ? unitMatch[1] : "", end: unitEnd };
      continue;
    }
    const { before, after } = windowAround(folded, start, unitEnd);
    // "mejoró a 35ms, antes era de 50" / "(was 50ms)": the previous value of the metric just read.
    const previous = found[found.length - 1];
    if (previous && /(antes era de|antes era|era de|\bera|\bwas|previously|antes|before)\s*$/.test(before) && !/[.;]\s/.test(folded.slice(previous.end, start))) {
      const ownUnit = unitMatch ? unitMatch[1] : "";
      const rule = RULES.find((r) => r.key === previous.key);
      if (rule && (!ownUnit || rule.unit.test(ownUnit))) {
        const raw = parseNumber(m[1], ownUnit);
        const value = rule.convert ? rule.convert(raw, ownUnit || previous.rawUnit) : raw;
        found.push({ key: beforeKey(rule.key), value: Math.round(value * 1000) / 1000, unit: rule.unitLabel, evidence: folded.slice(start, unitEnd).trim(), end: unitEnd, rawUnit: ownUnit });
        continue;
      }
    }
    let best: { rule: MetricRule; distance: number } | undefined;
    for (const rule of RULES) {
      if (!rule.unit.test(unit)) continue;
      if (rule.unit === NONE && !/[.,]/.test(m[1])) continue; // a bare loss value is a decimal
      const distance = contextDistance(rule, before, after) - (rule.bonus ?? 0);
      if (distance < (best?.distance ?? Infinity)) best = { rule, distance };
    }
    if (!best) continue;
    const rule = best.rule;
    if (pendingBefore && start - pendingBefore.end < 12) {
      const old = parseNumber(pendingBefore.raw, pendingBefore.unit || unit);
      const oldValue = rule.convert ? rule.convert(old, pendingBefore.unit || unit) : old;
      found.push({ key: beforeKey(rule.key), value: Math.round(oldValue * 1000) / 1000, unit: rule.unitLabel, evidence: pendingBefore.raw, end: pendingBefore.end, rawUnit: pendingBefore.unit });
    }
    pendingBefore = undefined;
    const raw = parseNumber(m[1], unit);
    const value = rule.convert ? rule.convert(raw, unit) : raw;
    found.push({ key: rule.key, value: Math.round(value * 1000) / 1000, unit: rule.unitLabel, evidence: folded.slice(start, unitEnd).trim(), end: unitEnd, rawUnit: unit });
  }
  const metrics: Metric[] = found.map(({ key, value, unit, evidence }) => ({ key, value, unit, evidence }));
  return [...metrics, ...findDurations(folded), ...findTestCounts(folded), ...findReadyReplicas(folded)];
}

const AGGREGATE_OF = new Map<string, Aggregate>([
  ...RULES.map((r) => [r.key, r.aggregate] as [string, Aggregate]),
  ["duration_min", "first"],
  ["tests_passed", "last"],
  ["tests_total", "last"],
  ["tests_failed", "last"],
]);

/** One value per key: first mention for most figures, max for capacity, sum for replicas/samples. */
export function aggregateMetrics(metrics: Metric[]): Map<string, Metric> {
  const byKey = new Map<string, Metric>();
  for (const metric of metrics) {
    const previous = byKey.get(metric.key);
    const rule = AGGREGATE_OF.get(metric.key) ?? "first";
    if (!previous) byKey.set(metric.key, { ...metric });
    else if (rule === "last") byKey.set(metric.key, { ...metric });
    else if (rule === "max" && metric.value > previous.value) byKey.set(metric.key, { ...metric });
    else if (rule === "sum") previous.value += metric.value;
  }
  return byKey;
}

/** Entry fields (`latency_ms: "180"`) from free text. */
export function extractMetricFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, metric] of aggregateMetrics(findMetrics(text))) fields[key] = String(metric.value);
  return fields;
}
