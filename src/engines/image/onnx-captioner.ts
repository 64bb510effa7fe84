/**
 * Local image captioning with an encoder-decoder ONNX export (ViT encoder + GPT-2 decoder,
 * see caption-model-catalog.ts) on either ONNX backend (onnxruntime-node or onnxruntime-web), CPU. Greedy decoding without a KV cache:
 * captions are ~10 tokens, so re-running the decoder on the growing prefix stays cheap.
 */
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { decodeByteLevelTokens, invertVocabulary } from "../../core/photo/byte-level-bpe";
import { peopleInCaption } from "../../core/photo/people-in-caption";
import type { LogLanguage } from "../../core/processing/engine-options";
import { EngineError, throwIfCancelled } from "../host/engine-error";
import { cpuSessionOptions, type InferenceSession, type OnnxBackend, type Tensor } from "../onnx/onnx-backend";
import type { CaptionModelInfo } from "./caption-model-catalog";
import type { CaptionResult, Captioner } from "./captioner";
import type { PhotoDecoder } from "./image-rules";

/** HWC uint8 RGB → CHW float32 with the ViT image processor's rescale and normalisation. */
export function toPixelValues(rgb: Uint8Array, side: number, mean = 0.5, std = 0.5): Float32Array {
  const plane = side * side;
  const out = new Float32Array(3 * plane);
  for (let pixel = 0; pixel < plane; pixel++) {
    for (let channel = 0; channel < 3; channel++) {
      out[channel * plane + pixel] = (rgb[pixel * 3 + channel] / 255 - mean) / std;
    }
  }
  return out;
}

/** Index of the largest logit of the last position: greedy decoding. */
export function argmaxLastPosition(logits: Float32Array, sequenceLength: number, vocabSize: number): number {
  const offset = (sequenceLength - 1) * vocabSize;
  let best = 0;
  for (let id = 1; id < vocabSize; id++) if (logits[offset + id] > logits[offset + best]) best = id;
  return best;
}

interface LoadedModel {
  encoder: InferenceSession;
  decoder: InferenceSession;
  tokens: string[];
}

export class OnnxCaptioner implements Captioner {
  readonly name: string;
  private loaded?: Promise<LoadedModel>;

  constructor(
    private readonly model: CaptionModelInfo,
    private readonly folder: string,
    private readonly onnx: OnnxBackend,
    private readonly decoder: PhotoDecoder,
  ) {
    this.name = `onnx:${model.id}`;
  }

  /** True when every file of the model is in its folder (downloaded by the model manager). */
  async isInstalled(): Promise<boolean> {
    const present = await Promise.all(this.model.files.map((file) => access(path.join(this.folder, file.name)).then(() => true, () => false)));
    return present.every(Boolean);
  }

  private load(): Promise<LoadedModel> {
    this.loaded ??= (async () => {
      const [encoderFile, decoderFile, vocabFile] = this.model.files.map((file) => path.join(this.folder, file.name));
      const encoder = await this.onnx.createSession(encoderFile, cpuSessionOptions());
      const decoder = await this.onnx.createSession(decoderFile, cpuSessionOptions());
      const tokens = invertVocabulary(JSON.parse(await readFile(vocabFile, "utf8")) as Record<string, number>);
      return { encoder, decoder, tokens };
    })().catch((error: unknown) => {
      this.loaded = undefined;
      throw new EngineError("no-model", `Captioning model ${this.model.id} could not be loaded (${this.onnx.name}): ${(error as Error).message}`);
    });
    return this.loaded;
  }

  async caption(absPath: string, _language: LogLanguage, signal: AbortSignal): Promise<CaptionResult | undefined> {
    const { encoder, decoder, tokens } = await this.load();
    const side = this.model.imageSide;
    const pixels = this.onnx.tensor("float32", toPixelValues(await this.decoder.rgbSquare(absPath, side), side), [1, 3, side, side]);
    const encoded = await encoder.run({ [encoder.inputNames[0]]: pixels });
    const hidden = encoded[encoder.outputNames[0]];
    const ids: number[] = [this.model.bosTokenId];
    for (let step = 0; step < this.model.maxTokens; step++) {
      throwIfCancelled(signal);
      const inputIds = this.onnx.tensor("int64", BigInt64Array.from(ids.map(BigInt)), [1, ids.length]);
      const feeds: Record<string, Tensor> = { input_ids: inputIds, encoder_hidden_states: hidden };
      const output = await decoder.run(feeds);
      const logits = output[decoder.outputNames[0]];
      const next = argmaxLastPosition(logits.data as Float32Array, ids.length, logits.dims[2]);
      if (next === this.model.eosTokenId) break;
      ids.push(next);
    }
    const text = decodeByteLevelTokens(ids.slice(1).map((id) => tokens[id] ?? "")).trim();
    if (!text) return undefined;
    return { text, language: this.model.language, source: this.name, peopleCount: peopleInCaption(text) };
  }

  async dispose(): Promise<void> {
    const pending = this.loaded;
    this.loaded = undefined;
    const model = await pending?.catch(() => undefined);
    await Promise.all([model?.encoder.release(), model?.decoder.release()]);
  }
}
