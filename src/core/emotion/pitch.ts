/**
 * Fundamental-frequency (F0) tracking with YIN (de Cheveigné & Kawahara, 2002).
 * Pure: works on Float32 PCM at any sample rate. Speech is first decimated to about
 * 4 kHz because F0 of voices (60–500 Hz) needs no more, and the cost of YIN grows
 * with the square of the sample rate (bench/results/emotion.json).
 */

export const MIN_F0_HZ = 60;
export const MAX_F0_HZ = 500;
/** YIN's absolute threshold on the cumulative-mean-normalised difference. */
const YIN_THRESHOLD = 0.15;
/** Frames whose best dip is above this are unvoiced (noise, fricatives, silence). */
const MAX_APERIODICITY = 0.35;
const ANALYSIS_RATE_HZ = 4000;
/** Long enough for two periods of most voices, short enough to follow the melody. */
export const YIN_WINDOW_SEC = 0.025;

/** Decimation factor that brings a sample rate down to about 4 kHz. */
export function pitchAnalysisFactor(sampleRate: number): number {
  return Math.max(1, Math.floor(sampleRate / ANALYSIS_RATE_HZ));
}

export interface PitchTrack {
  /** Seconds between frames. */
  hopSec: number;
  /** F0 in Hz per frame; 0 where the frame is unvoiced or was skipped. */
  f0: Float32Array;
}

export interface PitchOptions {
  hopSec?: number;
  /** Frames to analyse (true) — callers skip silent frames to save time. */
  analyse?: (frameIndex: number) => boolean;
}

/** Averages blocks of `factor` samples: a cheap low-pass plus decimation, good enough for F0. */
export function decimate(samples: Float32Array, factor: number): Float32Array {
  if (factor <= 1) return samples;
  const out = new Float32Array(Math.floor(samples.length / factor));
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    const base = i * factor;
    for (let k = 0; k < factor; k++) sum += samples[base + k];
    out[i] = sum / factor;
  }
  return out;
}

/** F0 of one frame via YIN, or 0 when the frame is not clearly periodic. */
export function yinFrame(frame: Float32Array, offset: number, windowLen: number, sampleRate: number, diff: Float32Array): number {
  const tauMin = Math.max(2, Math.floor(sampleRate / MAX_F0_HZ));
  const tauMax = Math.min(diff.length - 1, Math.ceil(sampleRate / MIN_F0_HZ));
  if (offset + windowLen + tauMax > frame.length) return 0;
  for (let tau = 1; tau <= tauMax; tau++) {
    let sum = 0;
    for (let j = 0; j < windowLen; j++) {
      const d = frame[offset + j] - frame[offset + j + tau];
      sum += d * d;
    }
    diff[tau] = sum;
  }
  // Cumulative-mean normalisation turns the difference into an aperiodicity measure.
  let running = 0;
  diff[0] = 1;
  for (let tau = 1; tau <= tauMax; tau++) {
    running += diff[tau];
    diff[tau] = running > 0 ? (diff[tau] * tau) / running : 1;
  }
  let best = -1;
  for (let tau = tauMin; tau <= tauMax; tau++) {
    if (diff[tau] < YIN_THRESHOLD) {
      while (tau + 1 <= tauMax && diff[tau + 1] < diff[tau]) tau++;
      best = tau;
      break;
    }
  }
  if (best < 0) {
    // No dip under the threshold: take the global minimum if it is still fairly periodic.
    let minTau = tauMin;
    for (let tau = tauMin + 1; tau <= tauMax; tau++) if (diff[tau] < diff[minTau]) minTau = tau;
    if (diff[minTau] > MAX_APERIODICITY) return 0;
    best = minTau;
  }
  // Parabolic interpolation around the dip for sub-sample precision.
  let refined = best;
  if (best > 1 && best < tauMax) {
    const a = diff[best - 1];
    const b = diff[best];
    const c = diff[best + 1];
    const denom = a - 2 * b + c;
    if (denom !== 0) refined = best + (0.5 * (a - c)) / denom;
  }
  return sampleRate / refined;
}

/** Tracks F0 over a whole recording. */
export function trackPitch(samples: Float32Array, sampleRate: number, options: PitchOptions = {}): PitchTrack {
  const hopSec = options.hopSec ?? 0.02;
  const factor = pitchAnalysisFactor(sampleRate);
  const signal = decimate(samples, factor);
  const rate = sampleRate / factor;
  const windowLen = Math.round(rate * YIN_WINDOW_SEC);
  const tauMax = Math.ceil(rate / MIN_F0_HZ);
  const hop = Math.max(1, Math.round(rate * hopSec));
  const frames = Math.max(0, Math.floor((signal.length - windowLen - tauMax) / hop) + 1);
  const f0 = new Float32Array(frames);
  const diff = new Float32Array(tauMax + 2);
  for (let i = 0; i < frames; i++) {
    if (options.analyse && !options.analyse(i)) continue;
    f0[i] = yinFrame(signal, i * hop, windowLen, rate, diff);
  }
  return { hopSec: hop / rate, f0 };
}
