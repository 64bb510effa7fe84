/** Whisper and Silero VAD both want 16 kHz mono float PCM; every decoder in this folder produces it. */
export const TARGET_SAMPLE_RATE = 16000;

/** A run of 16 kHz mono samples and where it starts in the recording. */
export interface PcmBlock {
  /** Seconds from the start of the recording to the first sample of this block. */
  startSec: number;
  samples: Float32Array;
}

/** A whole recording decoded to 16 kHz mono. */
export interface DecodedPcm {
  samples: Float32Array;
  sampleRate: typeof TARGET_SAMPLE_RATE;
  durationSec: number;
  /** What the file held before conversion (for logs and docs). */
  source: SourceAudioInfo;
}

export interface SourceAudioInfo {
  container: string;
  codec: string;
  sampleRate: number;
  channels: number;
}

export interface DecodeOptions {
  signal?: AbortSignal;
  /** Whole-file decode gives up after this long (default 10 minutes). */
  timeoutMs?: number;
  /** Streaming decode gives up when one step (read + decode of a block) takes longer than this (default 60 s). */
  stallTimeoutMs?: number;
}

/** The port: the Node decoder and the Web Audio adapter both satisfy it. */
export interface AudioDecoderPort {
  decodeToPcm16kMono(source: string | Uint8Array, options?: DecodeOptions): Promise<DecodedPcm>;
}
