/** The few things dashboards need from a log entry, extracted once per entry. */
import type { LogEntry } from "../log/entry";

export interface EntryFacts {
  /** "yyyy-MM-dd" */
  day: string;
  /** "yyyy-MM-ddTHH:mm" */
  date: string;
  title: string;
  status: LogEntry["status"];
  area: string;
  error?: string;
  emotion?: string;
  /** Numeric fields (metrics), parsed. */
  metrics: Record<string, number>;
  type?: string;
  environment?: string;
  outcome?: string;
  services?: string;
  /** Wikilink to the entry's heading in its day note. */
  link: string;
}

/** Obsidian heading links drop characters it does not allow in link subpaths. */
function headingSubpath(heading: string): string {
  return heading.replace(/[#|^:%[\]\\]/g, " ").replace(/\s+/g, " ").trim();
}

/** `[[Log/2025-07-30#08 45 Deploy en staging|08:45 Deploy en staging]]` */
export function entryLink(notePath: string, entry: LogEntry): string {
  const target = notePath.replace(/\.md$/i, "");
  const heading = `${entry.date.slice(11, 16)} ${entry.title}`.trim();
  const label = heading.replace(/[[\]|]/g, " ").trim();
  return `[[${target}#${headingSubpath(heading)}|${label}]]`;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const TEXT_FIELDS = new Set(["emotion", "type", "environment", "outcome", "services", "language"]);

export function entryFacts(notePath: string, entry: LogEntry): EntryFacts {
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(entry.fields)) {
    if (!TEXT_FIELDS.has(key) && NUMERIC.test(value.trim())) metrics[key] = Number(value);
  }
  const fields = entry.fields;
  return {
    day: entry.date.slice(0, 10),
    date: entry.date,
    title: entry.title,
    status: entry.status,
    area: entry.area || "—",
    error: entry.error,
    emotion: fields.emotion || undefined,
    metrics,
    type: fields.type || undefined,
    environment: fields.environment || undefined,
    outcome: fields.outcome || undefined,
    services: fields.services || undefined,
    link: entryLink(notePath, entry),
  };
}

export const isBacklog = (facts: EntryFacts) => facts.status === "Not Processed" || facts.status === "Error";
export const isDeployment = (facts: EntryFacts) => facts.type === "deployment" || facts.environment !== undefined;
export const isRetrospective = (facts: EntryFacts) => facts.type === "retrospective";
