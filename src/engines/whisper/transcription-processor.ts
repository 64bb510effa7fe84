import type { WhisperEngineChoice } from "../../core/processing/engine-options";
import type { MediaProcessor } from "../../core/processing/processor-port";
import { detectSpeechInBlocks, SileroVad, streamPcm16kMono } from "../audio";
import { nativeOnnx } from "../onnx/native-onnx";
import { resolveWhisperModel } from "../models/whisper-models";
import { AddonWhisperEngine } from "./addon-whisper-engine";
import { CliWhisperEngine } from "./cli-whisper-engine";
import { NativeWhisperEngine } from "./native-whisper-engine";
import { transcribeRecording, type SpeechFinder } from "./transcribe-recording";
import { WasmWhisperEngine } from "./wasm-whisper-engine";
import { loadWhisperAddon } from "./whisper-addon-loader";
import type { WhisperEngine } from "./whisper-port";
import { serverEngine, transcribeWholeFileOnServer } from "./server-processing";

/** One engine per host process, kept while the model stays the same (loading takes seconds). */
let cachedEngine: { key: string; engine: WhisperEngine } | null = null;
let cachedVad: Promise<SileroVad> | null = null;

/**
 * The user's whisper.cpp program when set; else whisper.cpp as WebAssembly when chosen (no
 * native module); else Bitácora's own addon (AVX builds, in-process abort, no-speech
 * probabilities); else the prebuilt binding, which needs no compiler.
 */
export function engineFor(modelPath: string, cliPath?: string, choice: WhisperEngineChoice = "native"): WhisperEngine {
  const kind = cliPath ? "cli" : choice === "wasm" ? "wasm" : loadWhisperAddon().ok ? "addon" : "prebuilt";
  const key = `${kind}|${cliPath ?? ""}|${modelPath}`;
  if (cachedEngine?.key !== key) {
    void cachedEngine?.engine.dispose();
    const engine =
      kind === "cli"
        ? new CliWhisperEngine({ binaryPath: cliPath!, modelPath, description: `whisper.cpp CLI (${cliPath})` })
        : kind === "wasm"
          ? new WasmWhisperEngine({ modelPath })
          : kind === "addon"
            ? new AddonWhisperEngine({ modelPath })
            : new NativeWhisperEngine({ modelPath });
    cachedEngine = { key, engine };
  }
  return cachedEngine.engine;
}

/** BITACORA_WHISPER_ENGINE=wasm (the CLI's --whisper-engine sets it for its engine host). */
function whisperEngineFromEnv(): WhisperEngineChoice {
  return process.env.BITACORA_WHISPER_ENGINE === "wasm" ? "wasm" : "native";
}

const sileroSpeechFinder: SpeechFinder = async (blocks, signal) => {
  if (!cachedVad) {
    cachedVad = SileroVad.create({ threads: 1, onnx: nativeOnnx });
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
    // whisperCliPath, when set, switches to the user's whisper.cpp CLI (docs/engines.md).
    const options = context.options;
    const local = async () => engineFor(await resolveWhisperModel(options), options.whisperCliPath, options.whisperEngine ?? whisperEngineFromEnv());
    const server = options.server;
    if (server?.wholeFile) {
      const sent = await transcribeWholeFileOnServer(job, findings, server, options, context);
      if (sent) return sent;
    }
    const engine = server ? serverEngine(server, context, local) : await local();
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
