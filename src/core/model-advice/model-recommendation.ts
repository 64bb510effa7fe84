/**
 * "Which model for my machine?": from the measured time each installed Whisper model took on
 * the same clip, the real-time factor (processing time ÷ audio time) of each, an estimate for the
 * sizes not installed, and the largest size that keeps up. Pure arithmetic; the timings are
 * measured by the CLI or the plugin and injected here.
 */

/** Whisper sizes from smallest to largest, with their parameter counts (millions). */
export const WHISPER_SIZES: readonly { name: string; params: number }[] = [
  { name: "tiny", params: 39 },
  { name: "base", params: 74 },
  { name: "small", params: 244 },
  { name: "medium", params: 769 },
  // Whisper large-v3 with 4 decoder layers instead of 32: the encoder's cost, about medium's and a half.
  { name: "large-v3-turbo", params: 809 },
];

/**
 * The largest real-time factor recommended: an hour of recordings in at most 30 minutes, so a
 * day's recordings are done well before the next day's, with the laptop still usable meanwhile.
 */
export const MAX_RECOMMENDED_RTF = 0.5;

export interface ModelTiming {
  /** Catalog name or file name, e.g. "base", "ggml-small-q5_1.bin". */
  model: string;
  audioSec: number;
  processingSec: number;
}

export interface ModelRow {
  size: string;
  /** The installed model measured for this size, when there is one. */
  model?: string;
  rtf: number;
  /** Minutes an hour of audio is expected to take. */
  minutesPerHour: number;
  measured: boolean;
  keepsUp: boolean;
}

export interface ModelAdvice {
  rows: ModelRow[];
  /** The largest size under the threshold, or undefined when even the smallest is too slow. */
  recommended?: ModelRow;
  maxRtf: number;
}

/** Which size a model file or name is ("ggml-small.en-q5_1.bin" → "small"), if any. */
export function sizeOf(model: string): string | undefined {
  const name = model.toLowerCase().replace(/^.*[\\/]/, "").replace(/\.bin$/, "");
  return /(?:^|[-_])(tiny|base|small|medium|large-v3-turbo)(?=$|[.\-_])/.exec(name)?.[1];
}

export function adviseModel(timings: readonly ModelTiming[], maxRtf = MAX_RECOMMENDED_RTF): ModelAdvice {
  const measured = new Map<string, { model: string; rtf: number }>();
  for (const timing of timings) {
    const size = sizeOf(timing.model);
    if (!size || !(timing.audioSec > 0) || !(timing.processingSec >= 0)) continue;
    const rtf = timing.processingSec / timing.audioSec;
    // Two files of one size (f16 and quantized): the faster one is what the user would keep.
    if (!measured.has(size) || rtf < measured.get(size)!.rtf) measured.set(size, { model: timing.model, rtf });
  }
  if (measured.size === 0) return { rows: [], maxRtf };
  const rows = WHISPER_SIZES.map(({ name, params }): ModelRow => {
    const own = measured.get(name);
    const rtf = own ? own.rtf : estimateRtf(params, measured);
    return { size: name, model: own?.model, rtf: round(rtf), minutesPerHour: Math.round(rtf * 60), measured: Boolean(own), keepsUp: rtf <= maxRtf };
  });
  const recommended = [...rows].reverse().find((row) => row.keepsUp);
  return { rows, recommended, maxRtf };
}

/** Cost grows with parameter count: scaled from the measured size nearest in parameters. */
function estimateRtf(params: number, measured: Map<string, { rtf: number }>): number {
  let nearest: { params: number; rtf: number } | undefined;
  for (const [size, { rtf }] of measured) {
    const sizeParams = WHISPER_SIZES.find((s) => s.name === size)!.params;
    if (!nearest || Math.abs(Math.log(sizeParams / params)) < Math.abs(Math.log(nearest.params / params))) nearest = { params: sizeParams, rtf };
  }
  return (nearest!.rtf * params) / nearest!.params;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
