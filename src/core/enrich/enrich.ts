/**
 * The one call the log writer makes after processing: title, area, wikilinks, metrics and
 * activity fields for an entry, from its transcript / photo description. Pure.
 */
import type { LogEntry } from "../log/entry";
import { activityFields } from "./activity";
import { classifyArea, DEFAULT_AREA_SETTINGS, type AreaDecision, type AreaSettings } from "./area";
import { linkMentions, type NoteIndex } from "./links";
import { keyPoints } from "./key-points";
import { activityTopics, looseMentions } from "./main-topics";
import { aggregateMetrics, findMetrics, type Metric } from "./metrics";
import { labelTableRows } from "../photo/layout";
import { chooseTitle, suggestTitle, titleSource } from "./title";

export interface EnrichSettings {
  area: AreaSettings;
  maxTopics: number;
  titleMaxWords: number;
  /** Service names to recognise in deployment entries, besides hyphenated names like whisper-api. */
  knownServices: string[];
}

export const DEFAULT_ENRICH_SETTINGS: EnrichSettings = {
  area: DEFAULT_AREA_SETTINGS,
  maxTopics: 3,
  titleMaxWords: 6,
  knownServices: [],
};

export interface EnrichContext {
  settings?: EnrichSettings;
  /** Existing notes and aliases (build once with `buildNoteIndex`, rebuild on vault changes). */
  notes: NoteIndex;
  /** What enrichment suggested last time (e.g. kept in an `auto_title` field); see `chooseTitle`. */
  previousTitleSuggestion?: string;
  /** Titles the writer uses before processing, e.g. the attachment's file name. */
  titlePlaceholders?: string[];
  /** The user chose this entry's area: keep it. */
  areaLocked?: boolean;
  /** Notes never linked, e.g. the day's log note. */
  excludeNotes?: string[];
}

export interface EnrichResult {
  /**
   * The entry with title, area, fields (existing values win) and topics filled in; its
   * findings carry the linked transcript/description, so `renderEntry` writes the links.
   */
  entry: LogEntry;
  /** Transcript and description with [[wikilinks]] added, for the writer to render. */
  linkedTranscript?: string;
  linkedDescription?: string;
  suggestedTitle: string;
  areaDecision: AreaDecision;
  metrics: Metric[];
}

function textsOf(entry: LogEntry): { transcript?: string; description?: string; ocr?: string } {
  const findings = entry.findings;
  const transcript = findings?.audio?.transcript || findings?.audio?.segments?.map((s) => s.text).join(" ") || undefined;
  // Table rows labelled by their header, so "0.043" is read as the loss.
  const ocr = findings?.image?.ocrLines?.length ? labelTableRows(findings.image.ocrLines).join("\n") : undefined;
  return { transcript, description: findings?.image?.description || undefined, ocr };
}

export function enrichEntry(entry: LogEntry, context: EnrichContext): EnrichResult {
  const settings = context.settings ?? DEFAULT_ENRICH_SETTINGS;
  const { transcript, description, ocr } = textsOf(entry);
  const allText = [transcript, description, ocr].filter(Boolean).join("\n");

  // Spoken words name the activity best, then the picture's text or its description.
  const suggested =
    (transcript ? suggestTitle(transcript, { maxWords: settings.titleMaxWords }) : "") ||
    suggestTitle(titleSource({ description, ocrLines: entry.findings?.image?.ocrLines }), { maxWords: settings.titleMaxWords }) ||
    "";
  const title = chooseTitle(
    { current: entry.title, previousSuggestion: context.previousTitleSuggestion, placeholders: context.titlePlaceholders },
    suggested,
  );

  // The words say whether a deployment happened or is only planned; a title carries no tense.
  const activity = activityFields(allText.trim() ? allText : title, settings.knownServices);
  const areaDecision = classifyArea({ text: `${title}\n${allText}`, path: entry.attachment, activity: activity.type }, settings.area);
  const area = context.areaLocked && entry.area ? entry.area : areaDecision.area;

  const linkOptions = { exclude: context.excludeNotes };
  const linkedTranscript = transcript ? linkMentions(transcript, context.notes, linkOptions) : undefined;
  const linkedDescription = description ? linkMentions(description, context.notes, linkOptions) : undefined;
  const mentionCounts = new Map<string, number>();
  for (const result of [linkedTranscript, linkedDescription]) {
    result?.mentioned.forEach((note, rank) => mentionCounts.set(note, (mentionCounts.get(note) ?? 0) + 100 - rank));
  }
  // Recognised text names topics too ("Grafana - Audio Production"), though it is not rewritten.
  if (ocr) linkMentions(ocr, context.notes, linkOptions).mentioned.forEach((note, rank) => mentionCounts.set(note, (mentionCounts.get(note) ?? 0) + 50 - rank));
  for (const note of looseMentions(allText, context.notes)) if (!mentionCounts.has(note) && !context.excludeNotes?.includes(note)) mentionCounts.set(note, 1);
  const mentioned = [
    // The note named after the activity is the entry's main topic: it closes the entry first.
    ...activityTopics(activity.type, context.notes).filter((note) => !context.excludeNotes?.includes(note)),
    ...[...mentionCounts.entries()].sort((a, b) => b[1] - a[1]).map(([note]) => note),
  ];
  // The entry's closing links: the ones it has, then the mentioned notes, a few at most.
  const topics = [...new Set([...entry.topics, ...mentioned])].slice(0, settings.maxTopics);

  // Figures come from what was said and read; a generated description repeats them (and would
  // count replicas twice), so it is used only when there is no recognised text.
  const metrics = findMetrics([transcript, ocr ?? description].filter(Boolean).join("\n"));
  const generatedFields: Record<string, string> = {};
  for (const [key, metric] of aggregateMetrics(metrics)) generatedFields[key] = String(metric.value);
  Object.assign(generatedFields, activity);
  if (entry.findings?.emotion?.label) generatedFields.emotion = entry.findings.emotion.label;
  if (entry.findings?.fields) Object.assign(generatedFields, entry.findings.fields);

  const findings = entry.findings && {
    ...entry.findings,
    audio: entry.findings.audio && linkedTranscript ? { ...entry.findings.audio, transcript: linkedTranscript.text, keyPoints: keyPoints(transcript ?? "") } : entry.findings.audio,
    image: entry.findings.image && linkedDescription ? { ...entry.findings.image, description: linkedDescription.text } : entry.findings.image,
  };
  return {
    entry: { ...entry, title, area, topics, findings, fields: { ...generatedFields, ...entry.fields } },
    linkedTranscript: linkedTranscript?.text,
    linkedDescription: linkedDescription?.text,
    suggestedTitle: suggested,
    areaDecision,
    metrics,
  };
}
