import type { MediaKind } from "../media";
import type { EngineOptions } from "./engine-options";

/**
 * What a media processor (metadata, transcription, photo description, emotion) hands back.
 * Processors run in the engine host, off the UI thread; results are plain JSON.
 */
export interface TimedSegment {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  text: string;
  /** Optional per-segment emotion label in the log's language. */
  emotion?: string;
  /** Speaker turn number (1, 2, …, in order of first appearance) when a server diarized. */
  speaker?: number;
}

export interface AudioFindings {
  durationSec?: number;
  codec?: string;
  container?: string;
  sampleRate?: number;
  channels?: number;
  /** Transcript text; empty string with `noSpeech` true when the VAD found none. */
  transcript?: string;
  /** Results, decisions and next steps the recording states, in its own words (enrichment). */
  keyPoints?: string[];
  noSpeech?: boolean;
  language?: string;
  segments?: TimedSegment[];
}

export interface ImageFindings {
  width?: number;
  height?: number;
  camera?: string;
  /** "lat,lon" only when the user enabled GPS. */
  gps?: string;
  /** Kind of picture: screenshot, terminal, whiteboard, document, photo. */
  imageKind?: string;
  /** One or two sentences in the log's language. */
  description?: string;
  /** Recognised text, lines in reading order. */
  ocrLines?: string[];
  peopleCount?: number;
}

export interface EmotionFindings {
  label: string;
  confidence: number;
  source: "voice" | "text" | "voice+text" | "face";
}

export interface ProcessorFindings {
  kind: MediaKind;
  /** ISO local date-time of capture when the media itself says so (EXIF, container tags). */
  capturedAt?: string;
  audio?: AudioFindings;
  image?: ImageFindings;
  emotion?: EmotionFindings;
  /** Extra per-entry Dataview fields, e.g. { latency_ms: "180" }. */
  fields?: Record<string, string>;
}

export interface ProcessJob {
  /** Vault-relative path of the attachment. */
  path: string;
  /** Absolute path on disk, resolved by the adapter that owns the file system. */
  absPath: string;
  kind: MediaKind;
}

export interface ProgressReport {
  /** 0..1, or undefined when unknown. */
  fraction?: number;
  stage: string;
}

export interface ProcessContext {
  signal: AbortSignal;
  options: EngineOptions;
  onProgress(report: ProgressReport): void;
}

/** A processor adds what it knows to the findings gathered so far. */
export interface MediaProcessor {
  readonly name: string;
  readonly kinds: readonly MediaKind[];
  process(job: ProcessJob, findings: ProcessorFindings, context: ProcessContext): Promise<ProcessorFindings>;
}
