import type { MediaKind } from "../media";
import type { ProcessorFindings } from "../processing/processor-port";

/** Status values follow seed 000, plus an explicit error state that carries its reason. */
export type EntryStatus = "Not Processed" | "In Progress" | "Processed" | "Error";
export const ENTRY_STATUSES: readonly EntryStatus[] = ["Not Processed", "In Progress", "Processed", "Error"];

/**
 * One log entry: one attachment. Its Dataview fields sit together on one list item so that
 * Dataview keeps them per entry (`file.lists`), with the heading available as `L.section`.
 *
 *   ## 08:45 Revisión de optimizaciones de modelo
 *   - [status:: Processed] [area:: Technical] [date:: 2025-07-30T08:45] [attachment:: [[x.jpg]]] ...
 */
export interface LogEntry {
  /** Vault path (or link text) of the attachment: the entry's key. */
  attachment: string;
  kind: MediaKind;
  /** Local date-time "yyyy-MM-ddTHH:mm" (ISO, which Dataview parses as a date). */
  date: string;
  title: string;
  status: EntryStatus;
  /** Reason, when status is Error. */
  error?: string;
  area: string;
  /** Further per-entry fields in write order, e.g. emotion, language, duration, latency_ms. */
  fields: Record<string, string>;
  /** Everything a processor found; rendered into the generated body. */
  findings?: ProcessorFindings;
  /** Topic note names linked at the end of the entry. */
  topics: string[];
  /** Set when the entry was read from a seed-style `HH:MM título` line: no Markdown heading to link to. */
  plainHeading?: true;
}
