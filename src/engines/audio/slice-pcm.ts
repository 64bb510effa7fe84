import { TARGET_SAMPLE_RATE } from "./pcm-types";

/** The 16 kHz samples between two recording times (a view, no copy). */
export function slicePcm(pcm: Float32Array, span: { start: number; end: number }): Float32Array {
  const from = Math.max(0, Math.floor(span.start * TARGET_SAMPLE_RATE));
  const to = Math.min(pcm.length, Math.ceil(span.end * TARGET_SAMPLE_RATE));
  return pcm.subarray(from, Math.max(from, to));
}
