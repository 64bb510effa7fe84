import { DEFAULT_AREAS, DEFAULT_ENRICH_SETTINGS, buildNoteIndex, enrichEntry, type EnrichSettings } from "../enrich";
import type { LogEntry } from "../log/entry";
import type { BitacoraSettings } from "../settings/settings";
import { basicEnricher, type EntryEnricher } from "./entry-enricher";

/** Maps the user's settings (area names, keyword rules) to the enrichment's own. */
export function enrichSettingsFrom(settings: BitacoraSettings): EnrichSettings {
  const known = new Map(DEFAULT_AREAS.map((area) => [area.name, area]));
  return {
    ...DEFAULT_ENRICH_SETTINGS,
    area: {
      ...DEFAULT_ENRICH_SETTINGS.area,
      areas: settings.areas.map((name) => known.get(name) ?? { name, keywords: [] }),
      defaultArea: settings.defaultArea,
      keywordRules: Object.entries(settings.areaKeywords).flatMap(([area, words]) => words.map((keyword) => ({ keyword, area }))),
    },
  };
}

/**
 * The entry enricher the service uses: titles, areas, wikilinks in the transcript and
 * description, topic links and metric fields, from src/core/enrich.
 */
export const vaultEnricher: EntryEnricher = (input) => {
  const fallback = basicEnricher(input);
  const draft: LogEntry = {
    attachment: input.attachment,
    kind: input.kind,
    date: "",
    title: "",
    status: "Processed",
    area: "",
    fields: {},
    findings: input.findings,
    topics: [],
  };
  const result = enrichEntry(draft, {
    settings: enrichSettingsFrom(input.settings),
    notes: buildNoteIndex(input.topics),
    titlePlaceholders: [fallback.title],
  });
  const findings = input.findings && {
    ...input.findings,
    audio: input.findings.audio && {
      ...input.findings.audio,
      transcript: result.linkedTranscript ?? input.findings.audio.transcript,
      keyPoints: result.entry.findings?.audio?.keyPoints,
    },
    image: input.findings.image && { ...input.findings.image, description: result.linkedDescription ?? input.findings.image.description },
  };
  return {
    title: result.entry.title || fallback.title,
    area: result.entry.area || fallback.area,
    topics: result.entry.topics,
    fields: result.entry.fields,
    findings,
  };
};
