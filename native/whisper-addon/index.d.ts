export interface AddonSegment {
  startMs: number;
  endMs: number;
  text: string;
  noSpeechProb: number;
}

export interface AddonResult {
  aborted: boolean;
  /** ISO-639-1 code whisper.cpp decoded with ("" when unknown). */
  language: string;
  segments: AddonSegment[];
}

export interface AddonTranscribeOptions {
  language?: string;
  prompt?: string;
  threads?: number;
}

export interface AddonJob {
  promise: Promise<AddonResult>;
  /** Makes whisper.cpp stop at its next compute step; the promise then resolves with aborted: true. */
  abort(): void;
}

export interface WhisperModel {
  transcribe(pcm: Float32Array, options: AddonTranscribeOptions, onProgress?: (percent: number) => void): AddonJob;
  /** Frees the model now, or when the running transcription ends. */
  release(): void;
}

export function loadModel(path: string, options?: { useGpu?: boolean; flashAttention?: boolean }): Promise<WhisperModel>;
/** whisper.cpp's CPU feature line, e.g. "AVX2 = 1 | FMA = 1 | ...". */
export function systemInfo(): string;
export function version(): string;
/** The .node file that was loaded. */
export const buildPath: string;
