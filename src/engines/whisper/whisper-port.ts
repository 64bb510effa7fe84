/**
 * The Whisper port: one call turns 16 kHz mono PCM into timed text. Adapters: Bitácora's own
 * N-API addon (the default), the prebuilt @fugood/whisper.node binding (the fallback without a
 * compiler) and a spawned whisper.cpp CLI (opt-in). Tests that assert on words use a stand-in behind
 * this same port, because the only models on the build machines are weightless.
 */
import type { WhisperSegment } from "../../core/transcript/whisper-segment";

export type { WhisperSegment };

export const WHISPER_SAMPLE_RATE = 16000;

export interface WhisperResult {
  segments: WhisperSegment[];
  /** ISO-639-1 code Whisper used (detected when language was "auto"). */
  language?: string;
}

export interface WhisperTranscribeOptions {
  /** "auto" or an ISO-639-1 code such as "es" or "en". */
  language: string;
  /** Words the decoder should prefer (topic note names and aliases). */
  initialPrompt?: string;
  threads: number;
  signal?: AbortSignal;
  /** 0..1 within this call. */
  onProgress?: (fraction: number) => void;
}

export interface WhisperEngine {
  /** Which engine and whisper.cpp version, for logs and the bench results. */
  readonly description: string;
  transcribe(pcm: Float32Array, options: WhisperTranscribeOptions): Promise<WhisperResult>;
  /** Frees the model. The engine can be used again afterwards (it reloads). */
  dispose(): Promise<void>;
}
