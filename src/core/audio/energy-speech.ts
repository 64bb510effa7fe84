/**
 * Speech regions from loudness alone, for hosts without Silero (the three-file plugin leaves
 * ONNX Runtime's 14 MB out of main.js). A frame counts as speech when it stands well above the
 * recording's own noise floor and above an absolute level, so silence and steady room noise
 * stay below the threshold and Whisper is never asked to invent text for them. Pure: no I/O.
 */
export interface EnergySpeechOptions {
  /** How far above the noise floor (dB) a frame must be. */
  aboveFloorDb?: number;
  /** Frames quieter than this (dBFS) are never speech. */
  minLevelDb?: number;
}

const DEFAULTS: Required<EnergySpeechOptions> = { aboveFloorDb: 12, minLevelDb: -45 };
/** Below this a frame is digital silence; it keeps log10 finite. */
const FLOOR_DB = -120;

/** RMS level of a frame in dBFS. */
export function frameLevelDb(samples: ArrayLike<number>, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += samples[i] * samples[i];
  const rms = Math.sqrt(sum / Math.max(1, end - start));
  return rms > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(rms)) : FLOOR_DB;
}

/** Per-frame speech likelihood in [0, 1] from frame levels, relative to the 10th-percentile floor. */
export function energySpeechProbabilities(levelsDb: ArrayLike<number>, options: EnergySpeechOptions = {}): Float32Array {
  const { aboveFloorDb, minLevelDb } = { ...DEFAULTS, ...options };
  const sorted = Float32Array.from(levelsDb).sort();
  const floor = sorted.length ? sorted[Math.floor(sorted.length * 0.1)] : FLOOR_DB;
  const threshold = Math.max(floor + aboveFloorDb, minLevelDb);
  const out = new Float32Array(levelsDb.length);
  // A soft step 3 dB wide, so the segmenter's hysteresis (0.5 on, 0.35 off) has room to work.
  for (let i = 0; i < levelsDb.length; i++) out[i] = 1 / (1 + Math.exp(-(levelsDb[i] - threshold) / 1.5));
  return out;
}
