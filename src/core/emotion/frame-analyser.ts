/**
 * Streaming frame measurements: feed PCM blocks of any size as the decoder produces them,
 * and memory stays flat however long the recording (an hour of 16 kHz PCM would be 230 MB;
 * the tracks are ~1 MB). The result is identical to measuring the whole buffer at once. Pure.
 */
import { decimate, MIN_F0_HZ, pitchAnalysisFactor, YIN_WINDOW_SEC, yinFrame } from "./pitch";
import { percentile } from "./stats";

export const ENERGY_HOP_SEC = 0.01;
const ENERGY_WINDOW_SEC = 0.025;
export const PITCH_HOP_SEC = 0.02;
/** Pitch is not measured where the level is below this (dBFS): nothing audible to track. */
const PITCH_GATE_DB = -70;
/** Below this peak level (dBFS) the recording is treated as silence. */
const SILENCE_PEAK_DB = -55;
/** A recording whose quietest frames are this far below its peaks has real silences. */
const CLEAR_SILENCE_DB = 15;

/** Frame-level measurements of a whole recording, summarised per time range later. */
export interface FrameTracks {
  energyHopSec: number;
  /** Frame level in dBFS. */
  levelDb: Float32Array;
  /** Energy of the first difference over energy: a cheap spectral-brightness measure. */
  brightness: Float32Array;
  /** 1 where the frame is sound rather than the recording's background. */
  active: Uint8Array;
  pitchHopSec: number;
  /** F0 in Hz, 0 when unvoiced or silent. */
  f0: Float32Array;
  durationSec: number;
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Marks frames well above the recording's own noise floor and not far below its peaks. */
function activeFrames(levelDb: Float32Array): Uint8Array {
  const active = new Uint8Array(levelDb.length);
  const peak = percentile(levelDb, 95);
  if (peak < SILENCE_PEAK_DB) return active;
  const floor = percentile(levelDb, 5);
  // Without a clear silence floor (continuous or trimmed speech) everything near the peak is speech.
  const hasSilence = peak - floor >= CLEAR_SILENCE_DB;
  const threshold = hasSilence ? Math.max(peak - 30, floor + 0.25 * (peak - floor)) : peak - 30;
  for (let i = 0; i < levelDb.length; i++) active[i] = levelDb[i] > threshold ? 1 : 0;
  return active;
}

export class FrameAnalyser {
  private readonly hop: number;
  private readonly win: number;
  private readonly factor: number;
  private readonly pitchRate: number;
  private readonly pitchWindow: number;
  private readonly tauMax: number;
  private readonly pitchHop: number;
  private readonly diff: Float32Array;
  /** Raw samples from absolute index rawStart; decimated samples from decStart. */
  private raw: Float32Array = new Float32Array(0);
  private rawStart = 0;
  private dec: Float32Array = new Float32Array(0);
  private decStart = 0;
  private rawTotal = 0;
  private decimatedUpTo = 0;
  private readonly levels: number[] = [];
  private readonly bright: number[] = [];
  private readonly f0: number[] = [];

  constructor(private readonly sampleRate: number) {
    this.hop = Math.max(1, Math.round(sampleRate * ENERGY_HOP_SEC));
    this.win = Math.max(2, Math.round(sampleRate * ENERGY_WINDOW_SEC));
    this.factor = pitchAnalysisFactor(sampleRate);
    this.pitchRate = sampleRate / this.factor;
    this.pitchWindow = Math.round(this.pitchRate * YIN_WINDOW_SEC);
    this.tauMax = Math.ceil(this.pitchRate / MIN_F0_HZ);
    this.pitchHop = Math.max(1, Math.round(this.pitchRate * PITCH_HOP_SEC));
    this.diff = new Float32Array(this.tauMax + 2);
  }

  push(samples: Float32Array): void {
    this.raw = concat(this.raw, samples);
    this.rawTotal += samples.length;
    const groupsEnd = Math.floor(this.rawTotal / this.factor) * this.factor;
    if (groupsEnd > this.decimatedUpTo) {
      const fresh = this.raw.subarray(this.decimatedUpTo - this.rawStart, groupsEnd - this.rawStart);
      this.dec = concat(this.dec, decimate(fresh, this.factor));
      this.decimatedUpTo = groupsEnd;
    }
    this.measureEnergy();
    this.measurePitch(false);
    this.trim();
  }

  finish(): FrameTracks {
    this.measurePitch(true);
    const levelDb = Float32Array.from(this.levels);
    return {
      energyHopSec: this.hop / this.sampleRate,
      levelDb,
      brightness: Float32Array.from(this.bright),
      active: activeFrames(levelDb),
      pitchHopSec: this.pitchHop / this.pitchRate,
      f0: Float32Array.from(this.f0),
      durationSec: this.rawTotal / this.sampleRate,
    };
  }

  private measureEnergy(): void {
    for (let start = this.levels.length * this.hop; start + this.win <= this.rawTotal; start += this.hop) {
      let energy = 0;
      let diffEnergy = 0;
      const base = start - this.rawStart;
      for (let j = base + 1; j < base + this.win; j++) {
        const x = this.raw[j];
        const d = x - this.raw[j - 1];
        energy += x * x;
        diffEnergy += d * d;
      }
      this.levels.push(10 * Math.log10(energy / this.win + 1e-12));
      this.bright.push(energy > 0 ? diffEnergy / energy : 0);
    }
  }

  /** Pitch frames wait until the level frames they are gated on exist (or the stream ended). */
  private measurePitch(final: boolean): void {
    const decTotal = this.decStart + this.dec.length;
    const ratio = PITCH_HOP_SEC / ENERGY_HOP_SEC;
    for (let k = this.f0.length; ; k++) {
      const start = k * this.pitchHop;
      if (start + this.pitchWindow + this.tauMax > decTotal) break;
      const first = Math.floor(k * ratio);
      if (!final && first + 2 >= this.levels.length) break;
      let audible = false;
      for (let e = first; e <= first + 2 && e < this.levels.length; e++) if (this.levels[e] > PITCH_GATE_DB) audible = true;
      this.f0.push(audible ? yinFrame(this.dec, start - this.decStart, this.pitchWindow, this.pitchRate, this.diff) : 0);
    }
  }

  /** Drops samples no future frame will read. */
  private trim(): void {
    const rawKeep = Math.min(this.levels.length * this.hop, this.decimatedUpTo) - this.rawStart;
    if (rawKeep > 0) {
      this.raw = this.raw.slice(rawKeep);
      this.rawStart += rawKeep;
    }
    const decKeep = this.f0.length * this.pitchHop - this.decStart;
    if (decKeep > 0) {
      this.dec = this.dec.slice(decKeep);
      this.decStart += decKeep;
    }
  }
}

/** Measures a whole buffer (same result as streaming it). */
export function analyseFrames(samples: Float32Array, sampleRate: number): FrameTracks {
  const analyser = new FrameAnalyser(sampleRate);
  analyser.push(samples);
  return analyser.finish();
}
