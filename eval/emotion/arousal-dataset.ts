/**
 * Reads a folder laid out like ../shared/testdata/emotion_speech_emodb (labels.csv with
 * file, speaker, emotion_code or emotion, optional arousal column) and measures prosody.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyseFrames, prosodyOf, summariseProsody, type ProsodyFeatures } from "../../src/core/emotion/prosody";
import { decodeToPcm16kMono } from "../../src/engines/audio";

/** EmoDB's letter codes, and the emotions on each side of the arousal split. Disgust is left out. */
const HIGH = new Set(["W", "F", "A", "anger", "happiness", "happy", "fear", "angry", "fearful", "surprised"]);
const LOW = new Set(["T", "L", "N", "sadness", "sad", "boredom", "neutral", "calm"]);

export interface ArousalClip {
  file: string;
  speaker: string;
  emotion: string;
  highArousal: boolean;
  features: ProsodyFeatures;
  /** Features of degraded copies of the clip (robustness check), by condition name. */
  degraded: Record<string, ProsodyFeatures>;
  durationSec: number;
  featureMs: number;
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header.split(",").map((h) => h.trim());
  return lines.filter((l) => l.trim()).map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(names.map((n, i) => [n, (cells[i] ?? "").trim()]));
  });
}

function arousalOf(row: Record<string, string>): boolean | undefined {
  if (row.arousal) return row.arousal.toLowerCase() === "high";
  for (const key of [row.emotion_code, row.emotion?.toLowerCase()]) {
    if (key && HIGH.has(key)) return true;
    if (key && LOW.has(key)) return false;
  }
  return undefined;
}

/** Adds deterministic white noise at `snrDb` below the clip's mean power. */
export function withNoise(samples: Float32Array, snrDb: number, seed = 1): Float32Array {
  let power = 0;
  for (const x of samples) power += x * x;
  const noiseRms = Math.sqrt(power / Math.max(1, samples.length) / 10 ** (snrDb / 10));
  let state = seed;
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    // Sum of four uniforms ≈ Gaussian, scaled to unit variance (variance of U(-1,1) is 1/3).
    let sum = 0;
    for (let k = 0; k < 4; k++) {
      state = (state * 1664525 + 1013904223) >>> 0;
      sum += (state / 0xffffffff) * 2 - 1;
    }
    out[i] = samples[i] + noiseRms * sum * Math.sqrt(3 / 4);
  }
  return out;
}

/** Two cascaded one-pole low-passes: a duller microphone or a narrow-band (phone-like) channel. */
export function withLowPass(samples: Float32Array, cutoffHz: number, sampleRate: number): Float32Array {
  const a = 1 - Math.exp((-2 * Math.PI * cutoffHz) / sampleRate);
  const out = new Float32Array(samples.length);
  let first = 0;
  let second = 0;
  for (let i = 0; i < samples.length; i++) {
    first += a * (samples[i] - first);
    second += a * (first - second);
    out[i] = second;
  }
  return out;
}

/** Degraded copies measured for the robustness check. */
export const DEGRADATIONS: Record<string, (samples: Float32Array, sampleRate: number) => Float32Array> = {
  "white noise, 20 dB SNR": (x) => withNoise(x, 20),
  "white noise, 10 dB SNR": (x) => withNoise(x, 10),
  "low-pass 3.4 kHz (duller microphone)": (x, rate) => withLowPass(x, 3400, rate),
};

/** Clips whose emotion sits on one side of the arousal split, with their prosody measured. */
export async function loadArousalClips(folder: string): Promise<{ clips: ArousalClip[]; skipped: string[] }> {
  const rows = parseCsv(readFileSync(path.join(folder, "labels.csv"), "utf8"));
  const clips: ArousalClip[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    const highArousal = arousalOf(row);
    if (highArousal === undefined) {
      skipped.push(`${row.file} (${row.emotion || row.emotion_code})`);
      continue;
    }
    const pcm = await decodeToPcm16kMono(path.join(folder, row.file));
    const started = performance.now();
    const features = summariseProsody(analyseFrames(pcm.samples, pcm.sampleRate));
    clips.push({
      file: row.file,
      speaker: row.speaker || row.file,
      emotion: row.emotion || row.emotion_code,
      highArousal,
      features,
      degraded: Object.fromEntries(
        Object.entries(DEGRADATIONS).map(([name, degrade]) => [name, prosodyOf(degrade(pcm.samples, pcm.sampleRate), pcm.sampleRate)]),
      ),
      durationSec: pcm.samples.length / pcm.sampleRate,
      featureMs: performance.now() - started,
    });
  }
  return { clips, skipped };
}
