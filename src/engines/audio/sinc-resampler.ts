import { concatFloat32 } from "./join-arrays";
import { createDotKernel, type DotKernel } from "./sinc-kernel";

/**
 * Streaming band-limited resampler (polyphase windowed sinc, Kaiser window).
 *
 * Why our own: the Node path decodes packets from many codecs and must resample block by block
 * with steady memory, identically for every format. The ratio is kept rational (L/M after
 * dividing by the gcd) so each output sample uses one of L precomputed filter phases.
 * The low-pass sits at `rolloff` × the lower Nyquist frequency, so a 44.1/48 kHz input loses
 * everything above ~7.2 kHz before going to 16 kHz and nothing folds back into speech.
 */
export interface SincResamplerOptions {
  /** Zero crossings of the sinc kept on each side (filter length); more = sharper, slower. */
  zeroCrossings?: number;
  /** Cut-off as a fraction of the lower Nyquist frequency. */
  rolloff?: number;
  /** Kaiser window shape; 8 gives roughly 80 dB stop-band rejection. */
  kaiserBeta?: number;
  /** Use the plain JavaScript loop even where WebAssembly SIMD is available (for comparisons). */
  javascriptOnly?: boolean;
}

export class SincResampler {
  private readonly up: number; // L
  private readonly down: number; // M
  private readonly halfTaps: number; // H input samples each side
  private readonly paddedTaps: number; // 2H rounded up to a multiple of 8 (zero coefficients) for SIMD
  private readonly kernel: DotKernel;
  private buffer: Float32Array;
  private bufferLength = 0;
  /** Absolute input index of buffer[0]; starts at -H because the signal is zero before time 0. */
  private bufferStart: number;
  private inputCount = 0;
  private outputCount = 0;

  constructor(readonly inputRate: number, readonly outputRate: number, options: SincResamplerOptions = {}) {
    if (!(inputRate > 0 && outputRate > 0) || !Number.isInteger(inputRate) || !Number.isInteger(outputRate)) {
      throw new RangeError(`Sample rates must be positive integers (got ${inputRate} → ${outputRate}).`);
    }
    const divisor = gcd(inputRate, outputRate);
    this.up = outputRate / divisor;
    this.down = inputRate / divisor;
    const zeroCrossings = options.zeroCrossings ?? 16;
    const rolloff = options.rolloff ?? 0.9;
    const beta = options.kaiserBeta ?? 8;
    const scale = Math.min(1, this.up / this.down) * rolloff;
    this.halfTaps = Math.ceil(zeroCrossings / scale);
    this.paddedTaps = Math.ceil((2 * this.halfTaps) / 8) * 8;
    this.kernel = createDotKernel(buildPhaseTable(this.up, this.halfTaps, this.paddedTaps, scale, beta), 2 * this.halfTaps, this.paddedTaps, options.javascriptOnly);
    this.bufferStart = -this.halfTaps;
    this.buffer = new Float32Array(4096 + 2 * this.halfTaps);
    this.bufferLength = this.halfTaps; // the leading zeros
  }

  get isPassThrough(): boolean {
    return this.up === this.down;
  }

  /** Feeds input samples; returns every output sample that no longer depends on future input. */
  process(input: Float32Array): Float32Array {
    if (this.isPassThrough) {
      this.inputCount += input.length;
      this.outputCount += input.length;
      return input;
    }
    this.append(input);
    this.inputCount += input.length;
    return this.render();
  }

  /** Ends the stream: renders the tail as if the input were followed by silence. */
  flush(): Float32Array {
    if (this.isPassThrough) return new Float32Array(0);
    this.append(new Float32Array(this.halfTaps + 1));
    const totalOutputs = Math.ceil((this.inputCount * this.up) / this.down);
    return this.render(totalOutputs);
  }

  /** Renders every output whose filter window lies inside the buffered input (at most `maxOutputs` in total). */
  private render(maxOutputs = Number.POSITIVE_INFINITY): Float32Array {
    const { up, down, halfTaps, paddedTaps } = this;
    // Output k needs input up to floor(k·M/L) + H, so floor(k·M/L) must stay below `centerLimit`.
    const centerLimit = this.bufferStart + this.bufferLength - halfTaps;
    const end = Math.min(maxOutputs, Math.ceil((centerLimit * up) / down));
    const count = Math.max(0, end - this.outputCount);
    const out = new Float32Array(count);
    if (count === 0) return out;
    const firsts = new Int32Array(count);
    const rows = new Int32Array(count);
    for (let n = 0; n < count; n++) {
      const position = (this.outputCount + n) * down;
      const center = Math.floor(position / up);
      firsts[n] = center - halfTaps + 1 - this.bufferStart;
      rows[n] = (position - center * up) * paddedTaps;
    }
    this.kernel.dots(this.buffer, this.bufferLength, firsts, rows, out);
    this.outputCount += count;
    this.discardConsumed();
    return out;
  }

  private append(input: Float32Array): void {
    const needed = this.bufferLength + input.length;
    if (needed > this.buffer.length) {
      const grown = new Float32Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.bufferLength));
      this.buffer = grown;
    }
    this.buffer.set(input, this.bufferLength);
    this.bufferLength = needed;
  }

  /** Keeps only the input the next output sample still needs, so memory stays flat. */
  private discardConsumed(): void {
    const nextCenter = Math.floor((this.outputCount * this.down) / this.up);
    const keepFrom = nextCenter - this.halfTaps + 1 - this.bufferStart;
    if (keepFrom <= 0) return;
    const drop = Math.min(keepFrom, this.bufferLength);
    this.buffer.copyWithin(0, drop, this.bufferLength);
    this.bufferLength -= drop;
    this.bufferStart += drop;
  }
}

/** Resamples a whole signal in one call. */
export function resample(input: Float32Array, inputRate: number, outputRate: number, options?: SincResamplerOptions): Float32Array {
  const resampler = new SincResampler(inputRate, outputRate, options);
  if (resampler.isPassThrough) return input;
  return concatFloat32([resampler.process(input), resampler.flush()]);
}

function buildPhaseTable(phases: number, halfTaps: number, rowLength: number, scale: number, beta: number): Float32Array {
  const taps = 2 * halfTaps;
  const table = new Float32Array(phases * rowLength); // taps beyond 2H stay zero
  const i0Beta = besselI0(beta);
  for (let p = 0; p < phases; p++) {
    const fraction = p / phases;
    let sum = 0;
    for (let j = 0; j < taps; j++) {
      const distance = j - halfTaps + 1 - fraction; // input sample offset from the output instant
      const x = distance / halfTaps;
      const window = Math.abs(x) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - x * x)) / i0Beta;
      const value = scale * sinc(scale * distance) * window;
      table[p * rowLength + j] = value;
      sum += value;
    }
    // Unity gain at DC for every phase, so a constant stays constant.
    for (let j = 0; j < taps; j++) table[p * rowLength + j] /= sum;
  }
  return table;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const half = x / 2;
  for (let k = 1; k < 50; k++) {
    term *= (half / k) * (half / k);
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
