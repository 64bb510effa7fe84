/**
 * The local image-captioning model the model manager downloads on request: ViT + GPT-2
 * (nlpconnect/vit-gpt2-image-captioning) as exported to ONNX and 8-bit quantized by Xenova
 * for Transformers.js. English captions, ~244 MB in total. Sizes and SHA-256 are the
 * Hugging Face LFS pointers of these files (checked while writing this, nothing downloaded).
 * vocab.json is a plain Git file (no LFS pointer, so no published SHA-256): it is checked by
 * size and by parsing; pin its hash after the first verified download.
 */
export interface CaptionModelFile {
  /** Name inside the model's folder (modelsDir/<id>/). */
  name: string;
  url: string;
  sizeBytes?: number;
  approxMiB: number;
  sha256?: string;
}

export interface CaptionModelInfo {
  id: string;
  label: string;
  language: "en";
  files: CaptionModelFile[];
  /** Square input side, ViT image processor: rescale 1/255, mean 0.5, std 0.5. */
  imageSide: number;
  bosTokenId: number;
  eosTokenId: number;
  maxTokens: number;
}

const BASE = "https://huggingface.co/Xenova/vit-gpt2-image-captioning/resolve/main";

export const VIT_GPT2_CAPTIONER: CaptionModelInfo = {
  id: "vit-gpt2-image-captioning-q8",
  label: "ViT-GPT2 image captioning (ONNX, 8-bit, English, ~244 MB)",
  language: "en",
  files: [
    {
      name: "encoder_model_quantized.onnx",
      url: `${BASE}/onnx/encoder_model_quantized.onnx`,
      approxMiB: 87.5,
      sha256: "6f6e2e27c11303cf533682184543333e7ecb930a734197a0272a1e408aba2766",
    },
    {
      name: "decoder_model_quantized.onnx",
      url: `${BASE}/onnx/decoder_model_quantized.onnx`,
      approxMiB: 156,
      sha256: "4cd3a527b1acd9893dec2ef8f02b5e759c0365e365976a2f44313c6095a8a256",
    },
    { name: "vocab.json", url: `${BASE}/vocab.json`, approxMiB: 1 },
  ],
  imageSide: 224,
  bosTokenId: 50256,
  eosTokenId: 50256,
  maxTokens: 20,
};
