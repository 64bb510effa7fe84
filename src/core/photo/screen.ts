/**
 * What a screen or board is about, from its recognised rows: a test report, a deploy log, a
 * Kubernetes or monitoring dashboard, a retro board or a schedule. Gives the description's
 * opening sentence, its key facts (only values read on the screen) and a title naming the
 * activity and its object in the log's language. Pure; rows come from `groupRows`.
 */
import { deploymentFacts } from "../enrich/activity";
import type { ImageKind } from "./image-kind";
import type { LogLanguage } from "../processing/engine-options";
import { findTables, labelTableRows } from "./layout";

export type ScreenKind = "test-report" | "deploy-log" | "kubernetes" | "monitoring" | "retro-board";

export interface ScreenReading {
  kind: ScreenKind;
  /** The description's first sentence, without the final period. */
  summary: string;
  /** Key facts, each as read on the screen. */
  facts: string[];
  title: string;
}

const ENV_WORD: Record<LogLanguage, Record<string, string>> = {
  es: { production: "producción", staging: "staging" },
  en: { production: "production", staging: "staging" },
};

const RETRO_COLUMNS = /(what went well|went well|what didn'?t go well|did not go well|to improve|action items|actions|qu[ée] sali[óo] bien|lo que no sali[óo] bien|a mejorar|acciones)/gi;
const TEST_TOOL = /\b(pytest|cypress|jest|vitest|playwright|junit|mocha)\b/i;
const LABEL_VALUE = /^(\p{L}[\p{L}\p{N} /_.-]{1,40}?)\s*[:=]?\s+([<>~]?\d[\d.,]*\s?(?:%|ms|s|gb|mb|req\/s|rps)?|passing|failed|ok|running|healthy|up|down)$/iu;

function list(items: string[], language: LogLanguage): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${language === "es" ? "y" : "and"} ${items[items.length - 1]}`;
}

function quote(text: string, language: LogLanguage): string {
  return language === "es" ? `«${text}»` : `“${text}”`;
}

function retroBoard(rows: string[], language: LogLanguage): ScreenReading | undefined {
  const columns = [...new Set(rows.join("\n").match(RETRO_COLUMNS) ?? [])];
  if (columns.length < 2) return undefined;
  const named = list(columns.map((c) => quote(c, language)), language);
  return language === "es"
    ? { kind: "retro-board", summary: `Tablero de retrospectiva con las columnas ${named}`, facts: [], title: "Tablero de retrospectiva" }
    : { kind: "retro-board", summary: `Retrospective board with the columns ${named}`, facts: [], title: "Retrospective board" };
}

function testReport(rows: string[], language: LogLanguage): ScreenReading | undefined {
  const text = rows.join("\n");
  const labelled = labelTableRows(rows);
  const totals = labelled.map((l) => /^(\d+)\/(\d+) tests passing$/.exec(l)).find(Boolean);
  const pytest = /(\d+) passed(?:, (\d+) failed)?(?: in ([\d.]+)s)?/.exec(text) ?? /(\d+) failed, (\d+) passed/.exec(text);
  if (!totals && !pytest && !/\b(tests? (passed|failed|passing|failing))\b/i.test(text)) return undefined;
  const tool = TEST_TOOL.exec(text)?.[1]?.toLowerCase() ?? "";
  let passed: number | undefined;
  let total: number | undefined;
  if (totals) {
    passed = Number(totals[1]);
    total = Number(totals[2]);
  } else if (pytest) {
    passed = Number(pytest[1]);
    total = passed + Number(pytest[2] ?? 0);
  }
  const failing: string[] = [];
  for (const table of findTables(rows)) {
    const failCol = table.header.findIndex((h) => /^(failing|failed|fallando)$/i.test(h));
    if (failCol < 0) continue;
    for (const row of table.rows) if (Number(row[failCol]) > 0) failing.push(`${row[0]} (${row[failCol]})`);
  }
  const coverage = /(?:coverage|cobertura)\D{0,12}(\d+(?:\.\d+)?%)|^TOTAL\b.*?(\d+(?:\.\d+)?%)\s*$/im.exec(text);
  const facts: string[] = [];
  const es = language === "es";
  if (passed !== undefined) {
    facts.push(total !== undefined && total !== passed ? (es ? `${passed} de ${total} tests pasando` : `${passed} of ${total} tests passing`) : es ? `${passed} tests pasando` : `${passed} tests passing`);
  }
  if (pytest?.[3]) facts.push(es ? `duración ${pytest[3]} s` : `duration ${pytest[3]} s`);
  if (coverage) facts.push(es ? `cobertura ${coverage[1] ?? coverage[2]}` : `coverage ${coverage[1] ?? coverage[2]}`);
  if (failing.length) facts.push(es ? `fallan: ${failing.join(", ")}` : `failing: ${failing.join(", ")}`);
  const toolName = tool === "pytest" ? "pytest" : tool ? tool[0].toUpperCase() + tool.slice(1) : "";
  const counts = facts[0] ?? "";
  const title = es
    ? `Resultado de ${toolName || "tests"}${counts ? `: ${counts}` : ""}`
    : `${toolName || "Test"} results${counts ? `: ${counts}` : ""}`;
  return { kind: "test-report", summary: es ? `Informe de tests${toolName ? ` de ${toolName}` : ""}` : `${toolName ? `${toolName} test` : "Test"} report`, facts, title };
}

function deployLog(rows: string[], language: LogLanguage): ScreenReading | undefined {
  const text = rows.join("\n");
  if (!/\b(deploy(ing|ed|ment)?|rollback|rolled back|release)\b/i.test(text)) return undefined;
  const deployment = deploymentFacts(text);
  if (!deployment.outcome && !/deploying|deploy to|deployed to/i.test(text)) return undefined;
  const es = language === "es";
  const env = deployment.environment ? ENV_WORD[language][deployment.environment] : undefined;
  const facts: string[] = [];
  for (const row of rows) {
    const deploying = /deploying\s+(\S+)\s+to\s+(\w+)/i.exec(row);
    const restoring = /rollback\W+restoring\s+(\S+)|rolled back to\s+(\S+)/i.exec(row);
    if (deploying) facts.push(es ? `despliegue de ${deploying[1]} a ${ENV_WORD.es[deploying[2].toLowerCase()] ?? deploying[2]}` : `deploying ${deploying[1]} to ${deploying[2]}`);
    else if (restoring) facts.push(es ? `rollback a ${restoring[1] ?? restoring[2]}` : `rollback to ${restoring[1] ?? restoring[2]}`);
    else if (/\b(failed|error|timeout|succeeded|successful|complete|passed|\d{3} ok)\b/i.test(row) && !/^\$/.test(row.trim())) facts.push(row.trim());
  }
  const summary = es ? `Log de despliegue${env ? ` a ${env}` : ""}` : `Deploy log${env ? ` for ${env}` : ""}`;
  const object = env ? (es ? ` a ${env}` : "") : "";
  const title = es
    ? deployment.outcome === "rollback" ? `Rollback del despliegue${object}` : deployment.outcome === "failure" ? `Despliegue fallido${object}` : `Despliegue${object}`
    : deployment.outcome === "rollback" ? `Rollback of the ${env ? `${env} ` : ""}deployment` : deployment.outcome === "failure" ? `Failed ${env ? `${env} ` : ""}deployment` : `${env ? `${env[0].toUpperCase()}${env.slice(1)} deployment` : "Deployment"}`;
  return { kind: "deploy-log", summary, facts: facts.slice(0, 6), title };
}

const POD_STATES = "Running|Pending|CrashLoopBackOff|Error|Completed|Terminating|Failed";
const POD = new RegExp(`^([a-z][\\w.-]*)\\s+(?:(\\d+\\/\\d+)\\s+(${POD_STATES})|(${POD_STATES})\\s*(.*))$`, "i");
const PAIR = /(\p{L}[\p{L}\p{N} ]*?)\s*:\s*([<>~]?\d[\d.,]*\s?(?:%|ms|s|gb|mb)?|[A-Z]{2,}\b)/gu;

/** "CPU usage: 45%   Latencia p95: 180 ms" → ["CPU usage 45%", "Latencia p95 180 ms"]; words keep their colon. */
function labelValues(row: string): string[] {
  return [...row.matchAll(PAIR)].map((m) => (/^[<>~]?\d/.test(m[2]) ? `${m[1].trim()} ${m[2].trim()}` : `${m[1].trim()}: ${m[2]}`));
}

function kubernetes(rows: string[], language: LogLanguage): ScreenReading | undefined {
  const text = rows.join("\n");
  const pods = rows.map((row) => POD.exec(row.trim())).filter((m): m is RegExpExecArray => !!m);
  if (pods.length === 0 && !/\b(kubernetes|kubectl|k8s)\b/i.test(text)) return undefined;
  const es = language === "es";
  const namespace = /namespace:?\s+([\w-]+)/i.exec(text)?.[1];
  const podPhrase = (p: RegExpExecArray) =>
    p[2] ? `${p[1]} (${p[3]}, ${p[2]} ${es ? "réplicas" : "replicas"})` : `${p[1]} (${[p[4], p[5]?.trim()].filter(Boolean).join(", ")})`;
  const facts: string[] = [];
  for (const row of rows) {
    if (POD.test(row.trim())) continue;
    if (/health ?check|cpu|memor|latenc|p9\d/i.test(row)) facts.push(...labelValues(row));
    else if (/deployment (successful|failed)|all systems operational/i.test(row)) facts.push(row.trim());
  }
  const services = pods.length ? `${es ? " con" : " with"} ${pods.length} ${pods.length === 1 ? (es ? "servicio" : "service") : es ? "servicios" : "services"}: ${pods.map(podPhrase).join(", ")}` : "";
  const summary = `${es ? "Dashboard de Kubernetes" : "Kubernetes dashboard"}${namespace ? ` (namespace ${namespace})` : ""}${services}`;
  const deployed = deploymentFacts(text);
  const where = namespace ?? (deployed.environment ? ENV_WORD[language][deployed.environment] : undefined);
  const title = /deploy/i.test(text)
    ? es ? `Despliegue${where ? ` en ${where}` : ""}` : `Deployment${where ? ` to ${where}` : ""}`
    : es ? `Estado de los pods${where ? ` en ${where}` : ""}` : `Pods${where ? ` in ${where}` : ""}`;
  return { kind: "kubernetes", summary, facts: facts.slice(0, 7), title };
}

function monitoring(rows: string[], language: LogLanguage): ScreenReading | undefined {
  const text = rows.join("\n");
  const pairs = rows.map((row) => LABEL_VALUE.exec(row.trim())).filter((m): m is RegExpExecArray => !!m);
  // Rows of a table: "whisper-api 78%" under "Service CPU" reads "whisper-api CPU 78%".
  const tableFacts = findTables(rows).flatMap((table) => table.rows.map((cells) => [cells[0], ...cells.slice(1).map((cell, i) => `${table.header[i + 1]} ${cell}`)].join(" ")));
  const tableRows = new Set(findTables(rows).flatMap((table) => table.rows.map((cells) => cells.join(" "))));
  if (!/\b(grafana|prometheus|monitor\w*|dashboard)\b/i.test(text) || pairs.length + tableFacts.length === 0) return undefined;
  const es = language === "es";
  const tool = /\b(grafana|prometheus)\b/i.exec(text)?.[1];
  const toolName = tool ? tool[0].toUpperCase() + tool.slice(1).toLowerCase() : undefined;
  const facts = [...pairs.filter((p) => !tableRows.has(p[0].trim())).map((p) => `${p[1].trim()} ${p[2].trim()}`), ...tableFacts];
  const summary = es ? `Dashboard de monitoreo${toolName ? ` en ${toolName}` : ""}` : `${toolName ? `${toolName} ` : ""}monitoring dashboard`;
  const title = es ? `Monitoreo${toolName ? ` en ${toolName}` : " de métricas"}` : `${toolName ? `${toolName} ` : "Metrics "}monitoring`;
  return { kind: "monitoring", summary, facts: facts.slice(0, 7), title };
}

/** The screen's reading, or undefined when its text does not say what kind of screen it is. */
export function readScreen(rows: readonly string[], language: LogLanguage): ScreenReading | undefined {
  const lines = rows.map((r) => r.trim()).filter(Boolean);
  if (lines.length === 0) return undefined;
  // Pods on screen make a Kubernetes view even when it says "Deployment successful"; a deploy log
  // may end with its smoke tests, so it is read before a test report.
  return retroBoard(lines, language) ?? kubernetes(lines, language) ?? deployLog(lines, language) ?? testReport(lines, language) ?? monitoring(lines, language);
}

/** A title for a training log (epochs and loss on screen), which the description already covers. */
export function trainingTitle(rows: readonly string[], language: LogLanguage): string | undefined {
  const text = rows.join("\n");
  if (!/\bepoch/i.test(text) || !/\bloss\b/i.test(text)) return undefined;
  return language === "es" ? "Revisión del entrenamiento del modelo" : "Model training review";
}

/**
 * The picture's kind once its screen is known: dashboards are dashboards, a retro board is a
 * board; a deploy log or test report keeps "terminal" only when it looked like one (a web
 * console is a screenshot).
 */
export function kindOfScreen(screen: ScreenReading | undefined, measured: ImageKind): ImageKind {
  if (!screen) return measured;
  if (screen.kind === "kubernetes" || screen.kind === "monitoring") return "dashboard";
  if (screen.kind === "retro-board") return "whiteboard";
  return measured === "terminal" ? "terminal" : measured === "photo" ? "photo" : "screenshot";
}
