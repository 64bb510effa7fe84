import type { LogEntry } from "../log/entry";
import type { LogLabels } from "../log/labels";
import { fileNameOf } from "../media";
import type { ProcessorFindings } from "../processing/processor-port";
import type { JobRecord } from "../queue/job";
import type { BitacoraSettings } from "../settings/settings";
import { chooseEntryTime, toLocalIso } from "../time/entry-time";
import { basicEnricher, type EntryEnricher, type TopicNote } from "./entry-enricher";
import { fieldsFromFindings } from "./findings-fields";
import { neutraliseEngineText, neutraliseFindings } from "../log/engine-text";

export interface BuildContext {
  settings: BitacoraSettings;
  labels: LogLabels;
  enricher: EntryEnricher;
  topics: TopicNote[];
  /** File creation time, epoch ms, when the file still exists. */
  fileCreatedMs?: number;
}

/** The finished entry for a job: time, title, area, fields and topic links from what was found. */
export function processedEntry(job: JobRecord, engineFindings: ProcessorFindings, context: BuildContext): LogEntry {
  // The one point where engine output enters an entry: from here on it is data, never structure.
  const findings = neutraliseFindings(engineFindings);
  const when = chooseEntryTime({
    fileName: fileNameOf(job.path),
    mediaIso: findings.capturedAt,
    fileCreatedMs: context.fileCreatedMs,
    seenAt: new Date(job.enqueuedAt),
  });
  // Only the media's own capture time may move an entry: a rename must not change its day.
  const date = when.source === "media" || !job.entryDate ? toLocalIso(when.date) : job.entryDate;
  const { settings, labels, topics } = context;
  const enrichment = context.enricher({ attachment: job.path, kind: job.kind, findings, settings, labels, topics });
  return {
    attachment: job.path,
    kind: job.kind,
    date,
    title: neutraliseEngineText(enrichment.title),
    status: "Processed",
    area: enrichment.area,
    fields: { ...fieldsFromFindings(findings), ...enrichment.fields },
    findings: enrichment.findings ?? findings,
    topics: enrichment.topics,
  };
}

/** A status-only entry (placeholder body) that keeps the title, area and topics already there. */
export function statusEntry(
  job: JobRecord,
  status: LogEntry["status"],
  existing: LogEntry | null,
  context: Pick<BuildContext, "settings" | "labels">,
  error?: string,
): LogEntry {
  const base = basicEnricher({ attachment: job.path, kind: job.kind, settings: context.settings, labels: context.labels, topics: [] });
  return {
    attachment: job.path,
    kind: job.kind,
    // The attachment's own time: in a moment of several attachments the entry's date is the earliest.
    date: job.entryDate || existing!.date,
    // A title made from a file name, or an engine's error message, is data too (a name can hold a newline).
    title: existing?.title || neutraliseEngineText(base.title),
    status,
    error: error === undefined ? undefined : neutraliseEngineText(error),
    area: existing?.area || base.area,
    fields: {},
    topics: existing?.topics ?? [],
  };
}
