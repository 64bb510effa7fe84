/**
 * The Whisper port: one call turns 16 kHz mono PCM into timed text. Adapters: Bitácora's own
 * N-API addon (the default), the prebuilt @fugood/whisper.node binding (the fallback without a
 * compiler) and a spawned whisper.cpp CLI (opt-in). Tests that assert on words use a stand-in behind
 * this same port, because the only models on the build machines are weightless.
 */
export const WHISPER_SAMPLE_RATE = 16000;

export interface WhisperSegment {
  /** Seconds from the start of the PCM handed to transcribe(). */
  start: number;
  end: number;
  text: string;
  /** Whisper's no-speech probability for the segment, when the adapter exposes it. */
  noSpeechProb?: number;
  /** The server's speaker label (diarization), as it gave it: "SPEAKER_00", "A", "1". */
  speaker?: string;
}

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
  /** Stop and fail with code "timeout" when one call takes longer than this. */
  timeoutMs?: number;
}

export interface WhisperEngine {
  /** Which engine and whisper.cpp version, for logs and the bench results. */
  readonly description: string;
  transcribe(pcm: Float32Array, options: WhisperTranscribeOptions): Promise<WhisperResult>;
  /** Frees the model. The engine can be used again afterwards (it reloads). */
  dispose(): Promise<void>;
}
