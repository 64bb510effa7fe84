/** The few things dashboards need from a log entry, extracted once per entry. */
import type { LogEntry } from "../log/entry";

export interface EntryFacts {
  /** The day note the entry lives in. */
  note: string;
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
  /** False for seed-style entries: their `HH:MM título` line is not a heading a link can point at. */
  linkable?: boolean;
}

/**
 * Obsidian heading links drop characters it does not allow in link subpaths. This is an
 * approximation; the plugin should pass Obsidian's own `stripHeadingForLink`.
 */
export function defaultHeadingForLink(heading: string): string {
  return heading.replace(/[#|^:%[\]\\]/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * `[[Log/2025-07-30#08 45 Deploy en staging|08:45 Deploy en staging]]`. Built only for the
 * entries a dashboard lists, not for every entry indexed.
 */
export function entryLink(
  facts: Pick<EntryFacts, "note" | "date" | "title"> & { linkable?: boolean },
  headingForLink: (heading: string) => string = defaultHeadingForLink,
): string {
  const target = facts.note.replace(/\.md$/i, "");
  const heading = `${facts.date.slice(11, 16)} ${facts.title}`.trim();
  const label = heading.replace(/[[\]|]/g, " ").trim();
  // A seed-style entry has no heading: the link opens its day note.
  if (facts.linkable === false) return `[[${target}|${label}]]`;
  return `[[${target}#${headingForLink(heading)}|${label}]]`;
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
    note: notePath,
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
    linkable: entry.plainHeading ? false : undefined,
  };
}

export const isBacklog = (facts: EntryFacts) => facts.status === "Not Processed" || facts.status === "Error";
export const isDeployment = (facts: EntryFacts) => facts.type === "deployment" || facts.environment !== undefined;
export const isRetrospective = (facts: EntryFacts) => facts.type === "retrospective";
