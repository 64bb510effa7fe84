/**
 * A tiny encoder-decoder with the input and output names of the ViT-GPT2 ONNX export, so the
 * captioner's pre- and post-processing run for real:
 * - encoder: pixel_values [1,3,224,224] → mean of each channel → last_hidden_state [1,1,3]
 * - decoder: logits = table[input_ids] + encoder_hidden_states · W, a bigram table whose one
 *   open choice (after "a") is decided by the image's colour through W.
 * Vocabulary (byte-level BPE, "Ġ" = space, "Ã±" = ñ): a, Ġred, Ġblue, Ġsquare, ĠniÃ±o, <|endoftext|>.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { floatTensor, int64Tensor, intAttribute, intsAttribute, model, node, valueInfo, FLOAT, INT64 } from "./tiny-onnx";

export const TINY_VOCAB = ["a", "Ġred", "Ġblue", "Ġsquare", "ĠniÃ±o", "<|endoftext|>"];
const V = TINY_VOCAB.length;
export const TINY_EOS = 5;

function encoder(): Buffer {
  return model([
    node("ReduceMean", ["pixel_values"], ["means"], [intsAttribute("axes", [2, 3]), intAttribute("keepdims", 1)]),
    node("Reshape", ["means", "shape"], ["last_hidden_state"]),
    int64Tensor("shape", [3], [1, 1, 3]),
    valueInfo(11, "pixel_values", FLOAT, [1, 3, 224, 224]),
    valueInfo(12, "last_hidden_state", FLOAT, [1, 1, 3]),
  ]);
}

function decoder(neverStop: boolean, bosId: number): Buffer {
  const next: Record<number, number[]> = {
    [bosId]: [0], // <bos> → a
    0: [1, 2], // a → red | blue, a tie the image breaks
    1: [3],
    2: [3],
    3: [4], // square → niño
    4: neverStop ? [0] : [TINY_EOS],
  };
  // One row per input id up to the BOS id, so the real catalog's BOS (50256) can be fed too.
  const rows = Math.max(V, bosId + 1);
  const table: number[] = [];
  for (let from = 0; from < rows; from++) for (let to = 0; to < V; to++) table.push((next[from] ?? []).includes(to) ? 50 : 0);
  // W[channel][token]: a red picture (R=+1, B=-1 after normalisation) favours "red", a blue one "blue".
  const weights: number[] = [];
  for (let channel = 0; channel < 3; channel++) {
    for (let token = 0; token < V; token++) weights.push(token === 1 && channel === 0 ? 5 : token === 2 && channel === 2 ? 5 : 0);
  }
  return model([
    node("Gather", ["table", "input_ids"], ["bigram"], [intAttribute("axis", 0)]),
    node("MatMul", ["encoder_hidden_states", "W"], ["image_bias"]),
    node("Add", ["bigram", "image_bias"], ["logits"]),
    floatTensor("table", [rows, V], table),
    floatTensor("W", [3, V], weights),
    valueInfo(11, "input_ids", INT64, [1, "sequence"]),
    valueInfo(11, "encoder_hidden_states", FLOAT, [1, 1, 3]),
    valueInfo(12, "logits", FLOAT, [1, "sequence", V]),
  ]);
}

/** Writes the model folder the captioner expects (file names from the catalog entry). */
export function writeTinyCaptioner(folder: string, fileNames: string[], options: { neverStop?: boolean; bosId?: number } = {}): void {
  mkdirSync(folder, { recursive: true });
  const [encoderName, decoderName, vocabName] = fileNames;
  writeFileSync(path.join(folder, encoderName), encoder());
  writeFileSync(path.join(folder, decoderName), decoder(Boolean(options.neverStop), options.bosId ?? TINY_EOS));
  const vocab: Record<string, number> = Object.fromEntries(TINY_VOCAB.map((token, id) => [token, id]));
  if (options.bosId !== undefined) vocab["<|endoftext|>"] = options.bosId;
  writeFileSync(path.join(folder, vocabName), JSON.stringify(vocab));
}
