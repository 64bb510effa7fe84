import { join } from "node:path";

export const FIXTURES = join(__dirname, "..", "..", "fixtures", "audio");
export const TESTDATA = join(__dirname, "..", "..", "..", "..", "shared", "testdata");
export const fixture = (name: string) => join(FIXTURES, name);

export function rms(x: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * x[i];
  return Math.sqrt(sum / Math.max(1, x.length));
}

/** Best normalised correlation of `a` against `b` over lags within ±maxLag samples. */
export function bestCorrelation(a: Float32Array, b: Float32Array, maxLag: number): { lag: number; correlation: number } {
  let best = { lag: 0, correlation: -1 };
  const n = Math.min(a.length, b.length);
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let xy = 0;
    let xx = 0;
    let yy = 0;
    for (let i = maxLag; i < n - maxLag; i += 2) {
      const x = a[i + lag];
      const y = b[i];
      xy += x * y;
      xx += x * x;
      yy += y * y;
    }
    const correlation = xy / Math.sqrt(xx * yy + 1e-20);
    if (correlation > best.correlation) best = { lag, correlation };
  }
  return best;
}

/** Frequency of a steady tone from its rising zero crossings (sub-sample interpolated). */
export function zeroCrossingFrequency(x: Float32Array, sampleRate: number): number {
  const crossings: number[] = [];
  for (let i = 1; i < x.length; i++) if (x[i - 1] < 0 && x[i] >= 0) crossings.push(i - 1 + -x[i - 1] / (x[i] - x[i - 1]));
  return ((crossings.length - 1) * sampleRate) / (crossings[crossings.length - 1] - crossings[0]);
}

/** Amplitude of the `frequency` component (Goertzel, i.e. one DFT bin, Hann-windowed). */
export function toneAmplitude(x: Float32Array, sampleRate: number, frequency: number): number {
  let re = 0;
  let im = 0;
  let windowSum = 0;
  for (let i = 0; i < x.length; i++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (x.length - 1));
    const phase = (2 * Math.PI * frequency * i) / sampleRate;
    re += w * x[i] * Math.cos(phase);
    im -= w * x[i] * Math.sin(phase);
    windowSum += w;
  }
  return (2 * Math.hypot(re, im)) / windowSum;
}

export function sine(frequency: number, sampleRate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(sampleRate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  return out;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/**
 * Bundles the decoder's worker entry as esbuild.config.mjs does, under node_modules/.cache so
 * its native externals resolve from the project's node_modules.
 */
export async function buildDecodeWorker(): Promise<string> {
  const esbuild = await import("esbuild");
  const outfile = join(__dirname, "..", "..", "..", "node_modules", ".cache", "bitacora-audio-test", `audio-decode-worker-${process.pid}.js`);
  await esbuild.build({
    entryPoints: [join(__dirname, "..", "..", "..", "src", "engines", "audio", "decode-worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "es2022",
    external: ["onnxruntime-node", "node-web-audio-api"],
    logLevel: "error",
  });
  return outfile;
}
