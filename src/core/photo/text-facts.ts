/**
 * Key facts in the text of a screen, whiteboard or document: numbers with their meaning
 * (loss, accuracy, latency, resource use, durations, schedules) and service states.
 * Pure pattern matching over recognised lines; the description turns them into a sentence.
 */

export interface MetricSeries {
  /** e.g. "loss", "accuracy" */
  name: string;
  /** Values in reading order, as written (unit included for percentages). */
  values: string[];
  /** Epoch or step of each value when the line says so. */
  steps: (number | undefined)[];
}

export interface ServiceState {
  service: string;
  state: string;
  detail?: string;
}

export interface TextFacts {
  /** Training or evaluation metrics such as loss and accuracy. */
  metrics: MetricSeries[];
  /** Latencies with their label: "p95 180 ms". */
  latencies: { label: string; value: string }[];
  /** Resource use: "CPU 85%", "GPU memory 7.2GB". */
  resources: { label: string; value: string }[];
  /** Durations such as "4h 23m". */
  durations: string[];
  /** Time ranges with what happens in them: "9:00-12:00 Grabaciones grupo A". */
  schedule: { from: string; to: string; what: string }[];
  services: ServiceState[];
  /** Overall status phrases: "Health Check: PASSING", "Deployment successful". */
  statusPhrases: string[];
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const METRIC_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: "loss", pattern: new RegExp(String.raw`\b(?:val[_ ]?)?loss\b\s*[:=]?\s*${NUMBER}`, "gi") },
  // Spanish prose puts words between the name and the value: "la precisión se mantuvo en 87%".
  { name: "accuracy", pattern: new RegExp(String.raw`\b(?:acc(?:uracy)?|precisi[oó]n|exactitud)\b[^\d\n]{0,24}?${NUMBER}\s*(%?)`, "gi") },
  { name: "F1", pattern: new RegExp(String.raw`\bf1(?:[-_ ]?score)?\b\s*[:=]?\s*${NUMBER}`, "gi") },
];
const STEP = /\b(?:epoch|época|step|paso)\s*[:#]?\s*(\d+)/i;
const LATENCY = new RegExp(String.raw`\b(p\d{2}|latency|latencia(?: promedio)?|response time|tiempo de respuesta(?: promedio)?)\b[^\d\n]{0,28}?${NUMBER}\s*(ms|s)\b`, "gi");
const RESOURCE = new RegExp(String.raw`\b(CPU|GPU(?:\s+mem(?:ory)?)?|RAM|memoria(?: GPU)?|memory|disk|disco|uptime)\b(?:\s+usage)?\s*[:=]?\s*(?:al\s+)?${NUMBER}\s*(%|GB|MB|GiB|MiB)`, "gi");
const DURATION = /\b(\d+\s*h\s*\d+\s*m(?:in)?|\d+\s*min(?:utos|utes)?\s*\d*\s*s?)\b/gi;
const TIME_RANGE = /\b(\d{1,2}:\d{2})\s*[-–a]\s*(\d{1,2}:\d{2})\s*(.*)$/i;
const SERVICE_STATES = ["Running", "Pending", "CrashLoopBackOff", "Failed", "Error", "Healthy", "Unhealthy", "Degraded", "Down", "Up", "OK", "Completed", "Terminated"];
const SERVICE_LINE = new RegExp(String.raw`^([a-z][\w.-]*[-_][\w.-]+|[a-z][\w.-]+)\s+(${SERVICE_STATES.join("|")})\b\s*(.*)$`, "i");
const STATUS_PHRASE = /\b(health ?check\s*:?\s*\w+|deployment (?:successful|failed)|all systems operational|build (?:passed|failed)|tests? (?:passed|failed))\b/gi;

function emptyFacts(): TextFacts {
  return { metrics: [], latencies: [], resources: [], durations: [], schedule: [], services: [], statusPhrases: [] };
}

function addMetric(facts: TextFacts, name: string, value: string, step: number | undefined): void {
  let series = facts.metrics.find((candidate) => candidate.name === name);
  if (!series) {
    series = { name, values: [], steps: [] };
    facts.metrics.push(series);
  }
  series.values.push(value);
  series.steps.push(step);
}

export function extractTextFacts(lines: readonly string[]): TextFacts {
  const facts = emptyFacts();
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, " ").trim();
    const stepMatch = STEP.exec(line);
    const step = stepMatch ? Number(stepMatch[1]) : undefined;
    for (const { name, pattern } of METRIC_PATTERNS) {
      for (const match of line.matchAll(pattern)) addMetric(facts, name, `${match[1]}${match[2] ?? ""}`, step);
    }
    for (const match of line.matchAll(LATENCY)) facts.latencies.push({ label: match[1], value: `${match[2]} ${match[3]}` });
    for (const match of line.matchAll(RESOURCE)) facts.resources.push({ label: match[1].replace(/\s+/g, " "), value: `${match[2]}${match[3]}` });
    for (const match of line.matchAll(DURATION)) facts.durations.push(match[1].replace(/\s+/g, " ").trim());
    const range = TIME_RANGE.exec(line);
    if (range) facts.schedule.push({ from: range[1], to: range[2], what: range[3].trim() });
    const service = SERVICE_LINE.exec(line);
    if (service && !/^(cpu|gpu|ram|health|deployment|status|estado)$/i.test(service[1])) {
      facts.services.push({ service: service[1], state: capitalize(service[2]), detail: service[3].trim() || undefined });
    }
    for (const match of line.matchAll(STATUS_PHRASE)) facts.statusPhrases.push(match[1].replace(/\s+/g, " "));
  }
  return facts;
}

function capitalize(word: string): string {
  return word.length <= 2 ? word.toUpperCase() : word[0].toUpperCase() + word.slice(1).toLowerCase();
}

export function hasAnyFact(facts: TextFacts): boolean {
  return Object.values(facts).some((list: unknown[]) => list.length > 0);
}
