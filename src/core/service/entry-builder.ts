import type { LogEntry } from "../log/entry";
import type { LogLabels } from "../log/labels";
import { fileNameOf } from "../media";
import type { ProcessorFindings } from "../processing/processor-port";
import type { JobRecord } from "../queue/job";
import type { BitacoraSettings } from "../settings/settings";
import { chooseEntryTime } from "../time/entry-time";
import { toLocalIso } from "../time/local-iso";
import { basicEnricher, type EntryEnricher, type TopicNote } from "./entry-enricher";
import { fieldsFromFindings } from "./findings-fields";
import { neutraliseEngineText, neutraliseFindings } from "../log/engine-text";
import type { BlockText } from "../log/block-text";
import type { MomentValues } from "../log/upsert-entry";
import { momentEmotion } from "../emotion/moment-emotion";

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

/**
 * A moment's title, area, topics and fields, computed by the same enricher from this attachment's
 * findings joined with the text the moment's other blocks show, so no one block names the moment alone.
 */
export function momentCombiner(job: JobRecord, engineFindings: ProcessorFindings, context: BuildContext): (others: BlockText[]) => MomentValues {
  return (others) => {
    const own = neutraliseFindings(engineFindings);
    const ownTranscript = own.audio?.transcript || own.audio?.segments?.map((s) => s.text).join(" ");
    const transcripts = [ownTranscript, ...others.map((o) => o.transcript)].filter((t): t is string => !!t);
    const descriptions = [own.image?.description, ...others.map((o) => o.description)].filter((t): t is string => !!t);
    const ocrLines = [...(own.image?.ocrLines ?? []), ...others.flatMap((o) => o.ocrLines ?? [])];
    const findings: ProcessorFindings = {
      ...own,
      audio: transcripts.length ? { ...own.audio, transcript: transcripts.join("\n") } : undefined,
      image: descriptions.length || ocrLines.length ? { ...own.image, description: descriptions.join("\n") || undefined, ocrLines } : undefined,
    };
    const { settings, labels, topics } = context;
    const enrichment = context.enricher({ attachment: job.path, kind: job.kind, findings, settings, labels, topics });
    const emotion = momentEmotion(own.emotion, [...transcripts, ...descriptions].join("\n"), settings.logLanguage);
    const fields = emotion ? { ...enrichment.fields, emotion } : enrichment.fields;
    return { title: neutraliseEngineText(enrichment.title), area: enrichment.area, fields, topics: enrichment.topics };
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
