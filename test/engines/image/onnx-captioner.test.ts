/**
 * @jest-environment ./test/engines/image/native-typed-arrays-environment.js
 */
/**
 * The ONNX captioner with a tiny generated encoder-decoder, on both ONNX backends (onnxruntime-node
 * and onnxruntime-web): real image decoding, ViT normalisation (channel order matters), greedy
 * decoding and byte-level BPE decoding (ñ), with the token limit honoured when the model never emits end-of-text.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { VIT_GPT2_CAPTIONER, type CaptionModelInfo } from "../../../src/engines/image/caption-model-catalog";
import { sharpPhotoDecoder } from "../../../src/engines/image/decode-image";
import { OnnxCaptioner, argmaxLastPosition, toPixelValues } from "../../../src/engines/image/onnx-captioner";
import { nodeModuleAssets } from "../../../src/engines/assets/node-module-assets";
import { nativeOnnx } from "../../../src/engines/onnx/native-onnx";
import type { OnnxBackend } from "../../../src/engines/onnx/onnx-backend";
import { createWebOnnx } from "../../../src/engines/onnx/web-onnx";
import { TINY_EOS, writeTinyCaptioner } from "./tiny-captioner-model";

const dir = mkdtempSync(path.join(tmpdir(), "bitacora-caption-"));
const tinyInfo: CaptionModelInfo = { ...VIT_GPT2_CAPTIONER, id: "tiny", bosTokenId: TINY_EOS, eosTokenId: TINY_EOS, maxTokens: 8 };
const fileNames = VIT_GPT2_CAPTIONER.files.map((file) => file.name);
const signal = new AbortController().signal;

async function solidImage(name: string, colour: { r: number; g: number; b: number }): Promise<string> {
  const file = path.join(dir, name);
  await sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).jpeg().toFile(file);
  return file;
}

test("pixel values are CHW, rescaled and normalised with mean 0.5 / std 0.5", () => {
  // A 2×2 picture: red, green / blue, white, interleaved RGB as sharp returns it.
  const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
  expect(Array.from(toPixelValues(rgb, 2))).toEqual([1, -1, -1, 1, -1, 1, -1, 1, -1, -1, 1, 1]);
  expect(argmaxLastPosition(Float32Array.from([9, 0, 0, 0, 1, 3]), 2, 3)).toBe(2);
});

const BACKENDS: [string, OnnxBackend][] = [
  ["onnxruntime-node", nativeOnnx],
  ["onnxruntime-web", createWebOnnx(nodeModuleAssets())],
];

describe.each(BACKENDS)("on %s", (name, onnx) => {
  test("a red and a blue picture get different captions from the same tiny model", async () => {
    const folder = path.join(dir, `model-${name}`);
    writeTinyCaptioner(folder, fileNames);
    const captioner = new OnnxCaptioner(tinyInfo, folder, onnx, sharpPhotoDecoder);
    expect(await captioner.isInstalled()).toBe(true);
    const red = await captioner.caption(await solidImage("red.jpg", { r: 230, g: 20, b: 20 }), "es", signal);
    const blue = await captioner.caption(await solidImage("blue.jpg", { r: 20, g: 20, b: 230 }), "es", signal);
    await captioner.dispose();
    expect(red).toMatchObject({ text: "a red square niño", language: "en", source: "onnx:tiny" });
    expect(blue?.text).toBe("a blue square niño");
  });

  test("decoding stops at the token limit when the model never ends", async () => {
    const folder = path.join(dir, `endless-${name}`);
    writeTinyCaptioner(folder, fileNames, { neverStop: true });
    const captioner = new OnnxCaptioner({ ...tinyInfo, maxTokens: 6 }, folder, onnx, sharpPhotoDecoder);
    const caption = await captioner.caption(await solidImage("red2.jpg", { r: 230, g: 20, b: 20 }), "en", signal);
    await captioner.dispose();
    // "a" has no leading-space marker "Ġ", so it joins the previous word: the model's own tokens.
    expect(caption?.text).toBe("a red square niñoa red");
  });

  test("a missing model folder is not installed, and loading it is a clear no-model error", async () => {
    const captioner = new OnnxCaptioner(tinyInfo, path.join(dir, "absent"), onnx, sharpPhotoDecoder);
    expect(await captioner.isInstalled()).toBe(false);
    await expect(captioner.caption(await solidImage("x.jpg", { r: 1, g: 2, b: 3 }), "en", signal)).rejects.toMatchObject({ code: "no-model" });
  });
});
