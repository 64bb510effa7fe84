/**
 * Prosodic features of speech from PCM: pitch level, range and variability; loudness and
 * its dynamics; brightness (high-frequency energy, which rises with vocal effort); speaking
 * rate and pauses. Every feature is relative (dB differences, semitones, ratios) so the
 * microphone's gain does not change the answer. Pure.
 */
import { analyseFrames, type FrameTracks } from "./frame-analyser";
import { mean, meanAbsoluteDelta, percentile, standardDeviation } from "./stats";

export { analyseFrames, FrameAnalyser, type FrameTracks } from "./frame-analyser";

/** Gaps at least this long between active frames count as pauses (shorter ones are stop closures). */
const MIN_PAUSE_SEC = 0.15;
/** A syllable nucleus must rise this far above the valley before it. */
const SYLLABLE_PROMINENCE_DB = 3;

export interface ProsodyFeatures {
  /** Seconds of active (non-silent) audio in the range. */
  activeSec: number;
  /** Share of the active frames that are voiced (periodic). */
  voicedRatio: number;
  f0MedianHz: number;
  /** 10th–90th percentile range of F0, in semitones. */
  f0RangeSt: number;
  f0StdSt: number;
  /** Mean frame-to-frame F0 change in semitones: how lively the melody is. */
  f0DeltaSt: number;
  levelStdDb: number;
  /** Mean frame-to-frame level change in dB: loudness dynamics. */
  levelDeltaDb: number;
  /** log10 of the brightness ratio over active frames. */
  brightnessLog: number;
  /** Syllable nuclei per second of active speech (speaking-rate proxy). */
  syllableRate: number;
  /** Share of the speech span (first to last active frame) spent in pauses. */
  pauseRatio: number;
}

const semitones = (hz: number, refHz: number) => 12 * Math.log2(hz / refHz);

/** F0 of a pitch frame, counted only when one of the level frames it spans is active sound. */
function activeF0(tracks: FrameTracks): (pitchFrame: number) => number {
  const ratio = tracks.pitchHopSec / tracks.energyHopSec;
  return (k) => {
    if (k < 0 || k >= tracks.f0.length || tracks.f0[k] <= 0) return 0;
    const first = Math.floor(k * ratio);
    for (let e = first; e <= first + 2 && e < tracks.active.length; e++) if (tracks.active[e]) return tracks.f0[k];
    return 0;
  };
}

function countSyllables(levels: number[], voicedAt: (k: number) => boolean): number {
  // Three-frame moving average removes flicker before peak picking.
  const smooth = levels.map((_, i) => mean(levels.slice(Math.max(0, i - 1), i + 2)));
  let count = 0;
  let valley = Infinity;
  for (let i = 1; i < smooth.length - 1; i++) {
    valley = Math.min(valley, smooth[i]);
    const isPeak = smooth[i] >= smooth[i - 1] && smooth[i] > smooth[i + 1];
    if (isPeak && smooth[i] - valley >= SYLLABLE_PROMINENCE_DB && voicedAt(i)) {
      count++;
      valley = smooth[i];
    }
  }
  return count;
}

function pauseShare(active: Uint8Array, from: number, to: number, hopSec: number): number {
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    if (!active[i]) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0 || last <= first) return 0;
  const minRun = Math.round(MIN_PAUSE_SEC / hopSec);
  let paused = 0;
  let run = 0;
  for (let i = first; i <= last + 1; i++) {
    if (i <= last && !active[i]) run++;
    else {
      if (run >= minRun) paused += run;
      run = 0;
    }
  }
  return paused / (last - first + 1);
}

/** Summarises the frames between startSec and endSec (the whole recording by default). */
export function summariseProsody(tracks: FrameTracks, startSec = 0, endSec = tracks.durationSec): ProsodyFeatures {
  const from = Math.max(0, Math.floor(startSec / tracks.energyHopSec));
  const to = Math.min(tracks.levelDb.length, Math.ceil(endSec / tracks.energyHopSec));
  const levels: number[] = [];
  const activeIndex: number[] = [];
  let energySum = 0;
  let brightSum = 0;
  for (let i = from; i < to; i++) {
    if (!tracks.active[i]) continue;
    levels.push(tracks.levelDb[i]);
    activeIndex.push(i);
    const energy = 10 ** (tracks.levelDb[i] / 10);
    energySum += energy;
    brightSum += energy * tracks.brightness[i];
  }
  const pitchFrom = Math.max(0, Math.floor(startSec / tracks.pitchHopSec));
  const pitchTo = Math.min(tracks.f0.length, Math.ceil(endSec / tracks.pitchHopSec));
  const f0At = activeF0(tracks);
  const voiced: number[] = [];
  const deltas: number[] = [];
  for (let i = pitchFrom; i < pitchTo; i++) {
    const hz = f0At(i);
    if (hz <= 0) continue;
    voiced.push(hz);
    const previous = i > pitchFrom ? f0At(i - 1) : 0;
    // Jumps over half an octave are octave errors or new phrases, not melody.
    if (previous > 0 && Math.abs(semitones(hz, previous)) < 6) deltas.push(Math.abs(semitones(hz, previous)));
  }
  const median = percentile(voiced, 50);
  const voicedSt = voiced.map((hz) => semitones(hz, median || 1));
  const activeSec = levels.length * tracks.energyHopSec;
  const pitchPerEnergy = tracks.pitchHopSec / tracks.energyHopSec;
  const voicedAt = (k: number) => f0At(Math.floor(activeIndex[k] / pitchPerEnergy)) > 0;
  const activePitchFrames = Math.max(1, activeSec / tracks.pitchHopSec);
  return {
    activeSec,
    voicedRatio: Math.min(1, voiced.length / activePitchFrames),
    f0MedianHz: median,
    f0RangeSt: percentile(voicedSt, 90) - percentile(voicedSt, 10),
    f0StdSt: standardDeviation(voicedSt),
    f0DeltaSt: mean(deltas),
    levelStdDb: standardDeviation(levels),
    levelDeltaDb: meanAbsoluteDelta(levels),
    brightnessLog: energySum > 0 ? Math.log10(brightSum / energySum + 1e-6) : 0,
    syllableRate: activeSec > 0 ? countSyllables(levels, voicedAt) / activeSec : 0,
    pauseRatio: pauseShare(tracks.active, from, to, tracks.energyHopSec),
  };
}

/** Convenience: features of a whole recording. */
export function prosodyOf(samples: Float32Array, sampleRate: number): ProsodyFeatures {
  return summariseProsody(analyseFrames(samples, sampleRate));
}
