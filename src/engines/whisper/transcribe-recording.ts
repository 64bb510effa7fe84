import { chunkAtPauses, type SpeechChunk } from "../../core/audio/chunk-at-pauses";
import type { SpeechSegment } from "../../core/audio/speech-segments";
import type { TimedSegment } from "../../core/processing/processor-port";
import { guardSegments, type DropReason } from "../../core/transcript/hallucination-guard";
import { dominantLanguage, joinTranscript, toRecordingTime } from "../../core/transcript/transcript-assembly";
import { numberSpeakers } from "../../core/transcript/speaker-turns";
import { throwIfCancelled } from "../host/engine-error";
import { spansFromBlocks, type PcmBlockLike } from "./chunk-stream";
import type { WhisperEngine, WhisperSegment } from "./whisper-port";

/** Chunks shorter than this do not get their own language detection once one is known. */
const SHORT_CHUNK_SEC = 4;

export interface SpeechFinder {
  /** Speech regions of the whole recording (recording seconds) and the VAD's frame probabilities. */
  (blocks: AsyncIterable<PcmBlockLike>, signal?: AbortSignal): Promise<{
    segments: SpeechSegment[];
    probabilities?: ArrayLike<number>;
    frameSec?: number;
    durationSec: number;
  }>;
}

export interface RecordingSource {
  /** A fresh stream of 16 kHz mono blocks; read twice (speech finding, then transcription). */
  openPcm(signal?: AbortSignal): AsyncIterable<PcmBlockLike>;
}

export interface TranscribeRecordingOptions {
  language: string;
  initialPrompt?: string;
  threads: number;
  signal?: AbortSignal;
  onProgress?: (stage: string, fraction: number) => void;
  /** Longest chunk handed to Whisper (its window is 30 s). */
  maxChunkSec?: number;
}

export interface RecordingTranscript {
  transcript: string;
  segments: TimedSegment[];
  language?: string;
  durationSec: number;
  noSpeech: boolean;
  speech: SpeechSegment[];
  chunks: number;
  dropped: Array<{ start: number; end: number; text: string; reason: DropReason }>;
}

/**
 * Decode → VAD → chunks at pauses → Whisper per chunk → guard → one transcript on the
 * recording's time line. Whisper never sees the silences between chunks, and a recording
 * without speech never reaches Whisper at all (nothing to invent text on).
 */
export async function transcribeRecording(
  source: RecordingSource,
  findSpeech: SpeechFinder,
  engine: WhisperEngine,
  options: TranscribeRecordingOptions,
): Promise<RecordingTranscript> {
  const { signal } = options;
  const report = options.onProgress ?? (() => undefined);
  report("Finding speech", 0);
  const detection = await findSpeech(source.openPcm(signal), signal);
  throwIfCancelled(signal);
  const chunks = chunkAtPauses(detection.segments, options.maxChunkSec ?? 30, {
    probabilities: detection.probabilities,
    frameSec: detection.frameSec,
  });
  const empty: RecordingTranscript = {
    transcript: "",
    segments: [],
    durationSec: detection.durationSec,
    noSpeech: true,
    speech: detection.segments,
    chunks: 0,
    dropped: [],
  };
  if (chunks.length === 0) return empty;

  const speechSec = chunks.reduce((sum, chunk) => sum + (chunk.end - chunk.start), 0);
  let doneSec = 0;
  const raw: WhisperSegment[] = [];
  const languages: Array<{ language?: string; textLength: number }> = [];
  report("Transcribing", 0.1);
  for await (const { span, samples } of spansFromBlocks<SpeechChunk>(source.openPcm(signal), chunks)) {
    throwIfCancelled(signal);
    if (samples.length === 0) continue;
    const chunkSec = span.end - span.start;
    // Whisper guesses the language badly from a second or two of speech: a short chunk keeps
    // the language the longer chunks before it settled on.
    const settled = options.language === "auto" && chunkSec < SHORT_CHUNK_SEC ? dominantLanguage(languages) : undefined;
    const result = await engine.transcribe(samples, {
      language: settled ?? options.language,
      initialPrompt: options.initialPrompt,
      threads: options.threads,
      signal,
      onProgress: (fraction) => report("Transcribing", 0.1 + (0.9 * (doneSec + fraction * chunkSec)) / speechSec),
    });
    const mapped = toRecordingTime(result.segments, span.start, samples.length / 16000);
    raw.push(...mapped);
    languages.push({ language: result.language, textLength: mapped.reduce((n, s) => n + s.text.length, 0) });
    doneSec += chunkSec;
    report("Transcribing", 0.1 + (0.9 * doneSec) / speechSec);
  }

  const guarded = guardSegments(raw, detection.segments);
  const segments = numberSpeakers(guarded.kept);
  const transcript = joinTranscript(segments);
  return {
    transcript,
    segments,
    language: dominantLanguage(languages) ?? (options.language !== "auto" ? options.language : undefined),
    durationSec: detection.durationSec,
    noSpeech: transcript.length === 0,
    speech: detection.segments,
    chunks: chunks.length,
    dropped: guarded.dropped.map(({ segment, reason }) => ({ start: segment.start, end: segment.end, text: segment.text, reason })),
  };
}
