/**
 * The emotion processor: runs in the engine host after transcription. Audio gets a label
 * from the transcript's words and the voice's arousal (entry and segments); photos get one
 * from their description only when it is plainly emotional. Emotion is an enrichment: a
 * recording that cannot be decoded keeps its other findings and gets a text-only label.
 */
import {
  analyseDescription,
  analyseRecording,
  AROUSAL_FIELD_VALUES,
  toEmotionFindings,
} from "../../core/emotion/emotion-analysis";
import type { MediaProcessor, ProcessorFindings, ProcessJob, ProcessContext } from "../../core/processing/processor-port";
import { EngineError, throwIfCancelled } from "../host/engine-error";
import type { FrameTracks } from "./frame-meter";

/** Measures the prosody frames of a recording (streamed decode by default; a fake in tests). */
export type RecordingMeter = (absPath: string, signal: AbortSignal, onDecodedSec?: (sec: number) => void) => Promise<FrameTracks>;

function throwIfAborted(signal: AbortSignal): void {
  throwIfCancelled(signal);
}

async function processAudio(job: ProcessJob, findings: ProcessorFindings, context: ProcessContext, measure: RecordingMeter): Promise<ProcessorFindings> {
  const audio = findings.audio;
  // Silence has no emotion to report.
  if (audio?.noSpeech) return findings;
  context.onProgress({ stage: "Listening for emotion", fraction: 0 });
  let tracks: FrameTracks | undefined;
  try {
    const durationSec = audio?.durationSec;
    const onDecodedSec = (sec: number) =>
      context.onProgress({ stage: "Listening for emotion", fraction: durationSec ? Math.min(0.95, sec / durationSec) : undefined });
    tracks = await measure(job.absPath, context.signal, onDecodedSec);
  } catch (error) {
    throwIfAborted(context.signal);
    if (error instanceof EngineError && error.code === "cancelled") throw error;
    tracks = undefined; // Undecodable here: fall back to the words alone.
  }
  throwIfAborted(context.signal);
  const language = context.options.logLanguage;
  const result = analyseRecording(
    { tracks, transcript: audio?.transcript, segments: audio?.segments },
    language,
  );
  context.onProgress({ stage: "Listening for emotion", fraction: 1 });
  const arousal = result.entry.arousal;
  return {
    ...findings,
    emotion: toEmotionFindings(result.entry),
    audio: audio?.segments ? { ...audio, segments: result.segments } : audio,
    fields: arousal ? { ...findings.fields, arousal: AROUSAL_FIELD_VALUES[language][arousal] } : findings.fields,
  };
}

export function createEmotionProcessor(measure: RecordingMeter): MediaProcessor {
  return {
    name: "emotion",
    kinds: ["audio", "image"],
    async process(job, findings, context) {
      if (job.kind === "audio") return processAudio(job, findings, context, measure);
      const description = findings.image?.description;
      if (!description) return findings;
      const fused = analyseDescription(description, context.options.logLanguage);
      // A neutral photo gets no tag: the field would only add noise to retrospectives.
      return fused.key === "neutral" ? findings : { ...findings, emotion: toEmotionFindings(fused) };
    },
  };
}

