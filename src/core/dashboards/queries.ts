/**
 * Dataview queries over entry-level fields: every entry is one list item of bracketed inline
 * fields, so queries FLATTEN `file.lists` and read `L.status`, `L.area`, `L.date`…, with
 * `L.section` linking to the entry's heading. Each query is checked by Dataview's own parser.
 */
import type { DashboardLabels } from "./settings";
import type { Sprint } from "./sprint";

export interface QueryScope {
  logFolder: string;
  labels: DashboardLabels;
}

function from(scope: QueryScope): string {
  return scope.logFolder ? `FROM "${scope.logFolder.replace(/"/g, '\\"')}"\n` : "";
}

const str = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const ENTRIES = "FLATTEN file.lists AS L\nWHERE L.attachment AND L.status";
const inSprint = (sprint: Sprint) => `L.date >= date(${str(sprint.start)}) AND L.date < date(${str(sprint.start)}) + dur(${daysBetween(sprint) + 1} days)`;

function daysBetween(sprint: Sprint): number {
  return Math.round((Date.parse(sprint.end) - Date.parse(sprint.start)) / 86_400_000);
}

/** Every entry of a sprint with its status and area. */
export function sprintEntriesQuery(scope: QueryScope, sprint: Sprint): string {
  const l = scope.labels;
  return `TABLE WITHOUT ID L.section AS ${str(l.entry)}, L.status AS ${str(l.status)}, L.area AS ${str(l.area)}, L.date AS ${str(l.date)}
${from(scope)}${ENTRIES} AND ${inSprint(sprint)}
SORT L.date DESC`;
}

/** Entries per status and area of a sprint. */
export function sprintByAreaQuery(scope: QueryScope, sprint: Sprint): string {
  const l = scope.labels;
  return `TABLE WITHOUT ID key AS ${str(l.area)}, length(rows) AS ${str(l.entries)}, length(filter(rows.L.status, (s) => s = "Processed")) AS "Processed"
${from(scope)}${ENTRIES} AND ${inSprint(sprint)}
GROUP BY L.area
SORT length(rows) DESC`;
}

/** Not Processed and Error entries, newest first. */
export function backlogQuery(scope: QueryScope): string {
  const l = scope.labels;
  return `TABLE WITHOUT ID L.section AS ${str(l.entry)}, L.status AS ${str(l.status)}, L.error AS ${str(l.error)}, L.date AS ${str(l.date)}
${from(scope)}${ENTRIES} AND (L.status = "Not Processed" OR L.status = "Error")
SORT L.date DESC`;
}

/** Entries per emotion, when emotion tags exist. */
export function moodQuery(scope: QueryScope, sprint?: Sprint): string {
  const l = scope.labels;
  const range = sprint ? ` AND ${inSprint(sprint)}` : "";
  return `TABLE WITHOUT ID key AS ${str(l.emotion)}, length(rows) AS ${str(l.entries)}
${from(scope)}${ENTRIES} AND L.emotion${range}
GROUP BY L.emotion
SORT length(rows) DESC`;
}

/** Metric fields over time, oldest first. */
export function metricsTrendQuery(scope: QueryScope, metricKeys: string[]): string {
  const keys = metricKeys.filter((k) => /^[a-z][a-z0-9_]*$/.test(k));
  const columns = keys.map((k) => `L.${k} AS ${str(k)}`).join(", ");
  const any = keys.map((k) => `L.${k}`).join(" OR ");
  return `TABLE WITHOUT ID L.date AS ${str(scope.labels.date)}, L.section AS ${str(scope.labels.entry)}, ${columns}
${from(scope)}${ENTRIES} AND (${any})
SORT L.date ASC`;
}

export function retrospectivesQuery(scope: QueryScope): string {
  const l = scope.labels;
  return `TABLE WITHOUT ID L.section AS ${str(l.entry)}, L.date AS ${str(l.date)}, L.status AS ${str(l.status)}
${from(scope)}${ENTRIES} AND L.type = "retrospective"
SORT L.date DESC`;
}

export function deploymentsQuery(scope: QueryScope): string {
  const l = scope.labels;
  return `TABLE WITHOUT ID L.date AS ${str(l.date)}, L.section AS ${str(l.entry)}, L.environment AS ${str(l.environment)}, L.outcome AS ${str(l.outcome)}, L.services AS ${str(l.services)}, L.latency_ms AS "latency_ms", L.uptime_pct AS "uptime_pct"
${from(scope)}${ENTRIES} AND (L.type = "deployment" OR L.environment)
SORT L.date DESC`;
}

/** Entries per area over all time. */
export function areaQuery(scope: QueryScope): string {
  const l = scope.labels;
  return `TABLE WITHOUT ID key AS ${str(l.area)}, length(rows) AS ${str(l.entries)}
${from(scope)}${ENTRIES}
GROUP BY L.area
SORT length(rows) DESC`;
}
