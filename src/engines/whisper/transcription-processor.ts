import type { EngineOptions } from "../../core/processing/engine-options";
import type { MediaProcessor } from "../../core/processing/processor-port";
import { detectSpeechInBlocks, SileroVad, streamPcm16kMono } from "../audio";
import { resolveWhisperModel } from "../models/whisper-models";
import { CliWhisperEngine } from "./cli-whisper-engine";
import { NativeWhisperEngine } from "./native-whisper-engine";
import { transcribeRecording, type SpeechFinder } from "./transcribe-recording";
import type { WhisperEngine } from "./whisper-port";

/**
 * Options this processor reads beyond EngineOptions. `whisperCliPath` switches to a
 * whisper.cpp command-line binary the user installed (much faster on x64 CPUs than the
 * prebuilt N-API binding, see docs/engines.md); unset means the built-in binding.
 */
export type TranscriptionOptions = EngineOptions;

/** One engine per host process, kept while the model stays the same (loading takes seconds). */
let cachedEngine: { key: string; engine: WhisperEngine } | null = null;
let cachedVad: Promise<SileroVad> | null = null;

export function engineFor(modelPath: string, cliPath?: string): WhisperEngine {
  const key = `${cliPath ?? "native"}|${modelPath}`;
  if (cachedEngine?.key !== key) {
    void cachedEngine?.engine.dispose();
    const engine = cliPath
      ? new CliWhisperEngine({ binaryPath: cliPath, modelPath, description: `whisper.cpp CLI (${cliPath})` })
      : new NativeWhisperEngine({ modelPath });
    cachedEngine = { key, engine };
  }
  return cachedEngine.engine;
}

const sileroSpeechFinder: SpeechFinder = async (blocks, signal) => {
  if (!cachedVad) {
    cachedVad = SileroVad.create({ threads: 1 });
    cachedVad.catch(() => (cachedVad = null));
  }
  return detectSpeechInBlocks(blocks, { vad: await cachedVad, signal });
};

/**
 * Transcribes recordings with local Whisper: runs after the metadata processor, fills
 * findings.audio with the transcript, timed segments, detected language and duration, and
 * sets noSpeech when the recording holds no speech. Fails with "no-model" and instructions
 * when no Whisper model is configured or downloaded.
 */
export const transcriptionProcessor: MediaProcessor = {
  name: "transcription",
  kinds: ["audio"],
  async process(job, findings, context) {
    const options: TranscriptionOptions = context.options;
    const modelPath = await resolveWhisperModel(options);
    const engine = engineFor(modelPath, options.whisperCliPath);
    const result = await transcribeRecording(
      { openPcm: (signal) => streamPcm16kMono(job.absPath, { signal }) },
      sileroSpeechFinder,
      engine,
      {
        language: options.whisperLanguage || "auto",
        initialPrompt: options.initialPrompt,
        threads: options.threads,
        signal: context.signal,
        onProgress: (stage, fraction) => context.onProgress({ stage, fraction }),
      },
    );
    return {
      ...findings,
      audio: {
        ...findings.audio,
        durationSec: findings.audio?.durationSec ?? result.durationSec,
        transcript: result.transcript,
        noSpeech: result.noSpeech,
        language: result.language,
        segments: result.segments,
      },
    };
  },
};
