import type { MediaKind } from "../media";
import type { LogLabels } from "../log/labels";
import { placeholderTitle } from "../log/placeholder-titles";
import type { ProcessorFindings } from "../processing/processor-port";
import type { BitacoraSettings } from "../settings/settings";

/** A topic note and the other names it goes by (frontmatter aliases). */
export interface TopicNote {
  name: string;
  aliases: string[];
  /** Vault path, when the adapter knows it (the vocabulary prompt ranks notes beside the recording first). */
  path?: string;
}

export interface EnrichmentInput {
  attachment: string;
  kind: MediaKind;
  findings?: ProcessorFindings;
  settings: BitacoraSettings;
  labels: LogLabels;
  topics: TopicNote[];
}

export interface Enrichment {
  title: string;
  area: string;
  topics: string[];
  fields: Record<string, string>;
  /** Findings with [[wikilinks]] added to the transcript and description, when links were found. */
  findings?: ProcessorFindings;
}

/** Turns findings into a title, an area, topic links and metric fields. */
export type EntryEnricher = (input: EnrichmentInput) => Enrichment;

/** The plainest enrichment: file name title and the default area. */
export const basicEnricher: EntryEnricher = ({ attachment, kind, labels, settings }) => {
  return {
    title: placeholderTitle(attachment, kind, labels),
    area: settings.defaultArea,
    topics: [],
    fields: {},
  };
};
