import type { MediaProcessor } from "../../core/processing/processor-port";
import { detectSpeechInBlocks } from "../audio/detect-speech";
import { detectSpeechByEnergy } from "../audio/detect-speech-by-energy";
import type { PcmBlock } from "../audio/pcm-types";
import type { SileroVad } from "../audio/silero-vad";
import type { StreamOptions } from "../audio/stream-options";
import { resolveWhisperModel } from "../models/whisper-models";
import { CliWhisperEngine } from "./cli-whisper-engine";
import { transcribeRecording, type SpeechFinder } from "./transcribe-recording";
import { createWasmWhisperEngine } from "./wasm-whisper-engine";
import type { WhisperEngine } from "./whisper-port";

/** What the portable host hands over (host/portable-engines.ts): its decoder and its Silero session. */
export interface PortableTranscriptionEngines {
  streamPcm(source: string, options?: StreamOptions): AsyncGenerator<PcmBlock>;
  createVad(): Promise<SileroVad>;
}

/**
 * Transcription for the engine host embedded in main.js: the same pipeline as
 * transcription-processor.ts (decode, Silero VAD or speech by loudness, chunks at pauses, Whisper,
 * the hallucination guard) with no native module: whisper.cpp as WebAssembly, or the whisper-cli the user set.
 */
export function createPortableTranscriptionProcessor(engines: PortableTranscriptionEngines): MediaProcessor {
  let cached: { key: string; engine: WhisperEngine } | null = null;
  let silero: Promise<SileroVad | null> | null = null;
  const engineFor = (modelPath: string, cliPath?: string): WhisperEngine => {
    const key = `${cliPath ?? "wasm"}|${modelPath}`;
    if (cached?.key !== key) {
      void cached?.engine.dispose();
      const engine = cliPath
        ? new CliWhisperEngine({ binaryPath: cliPath, modelPath, description: `whisper.cpp CLI (${cliPath})` })
        : createWasmWhisperEngine(modelPath);
      cached = { key, engine };
    }
    return cached.engine;
  };
  // Silero where its ONNX Runtime is at hand (run from source, the CLI); main.js leaves that 14 MB
  // out, so the plugin finds speech by loudness instead (core/audio/energy-speech).
  const speechFinder: SpeechFinder = async (blocks, signal) => {
    silero ??= engines.createVad().catch(() => null);
    const vad = await silero;
    return vad ? detectSpeechInBlocks(blocks, { vad, signal }) : detectSpeechByEnergy(blocks, signal);
  };
  return {
    name: "transcription",
    kinds: ["audio"],
    async process(job, findings, context) {
      const options = context.options;
      const modelPath = await resolveWhisperModel(options);
      const result = await transcribeRecording(
        { openPcm: (signal) => engines.streamPcm(job.absPath, { signal }) },
        speechFinder,
        engineFor(modelPath, options.whisperCliPath),
        {
          language: options.whisperLanguage || "auto",
          initialPrompt: options.initialPrompt,
          threads: options.threads,
          signal: context.signal,
          onProgress: (stage, fraction) => context.onProgress({ stage, fraction }),
        },
      );
      const audio = { durationSec: findings.audio?.durationSec ?? result.durationSec, transcript: result.transcript, noSpeech: result.noSpeech };
      return { ...findings, audio: { ...findings.audio, ...audio, language: result.language, segments: result.segments } };
    },
  };
}
