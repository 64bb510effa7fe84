/**
 * Both photo decoders — sharp (native: CLI, npm install) and WebAssembly (@jsquash codecs, the
 * portable host) — on the same real and hostile files: the same refusals with the same messages,
 * the same orientation for all eight EXIF values, the same downscaled size, and text Tesseract
 * reads equally from either. The WebAssembly codecs get their .wasm as bytes (WasmAssets).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { nodeModuleAssets } from "../../../src/engines/assets/node-module-assets";
import { sharpPhotoDecoder } from "../../../src/engines/image/decode-image";
import type { OcrImage, PhotoDecoder } from "../../../src/engines/image/image-rules";
import { TesseractOcr } from "../../../src/engines/image/tesseract-ocr";
import { WasmPhotoDecoder } from "../../../src/engines/image/wasm-photo-decoder";
import { BAD_INPUT_VERDICTS, FIXTURES, writeBadInputs, type BadInputs } from "./photo-inputs";

const DECODERS: [string, PhotoDecoder][] = [
  ["sharp", sharpPhotoDecoder],
  ["webassembly", new WasmPhotoDecoder(nodeModuleAssets())],
];
const dir = mkdtempSync(path.join(tmpdir(), "bitacora-decoders-"));
let inputs: BadInputs;
beforeAll(async () => {
  inputs = await writeBadInputs();
});

/** 64×32: red | green over blue | white, so every flip and quarter turn looks different. */
async function quadrants(orientation: number): Promise<string> {
  const file = path.join(dir, `quadrants-${orientation}.jpg`);
  const pixels = Buffer.alloc(64 * 32 * 3);
  for (let y = 0; y < 32; y++) {
    for (let x = 0; x < 64; x++) {
      const colour = y < 16 ? (x < 32 ? [230, 20, 20] : [20, 230, 20]) : x < 32 ? [20, 20, 230] : [240, 240, 240];
      pixels.set(colour, (y * 64 + x) * 3);
    }
  }
  await sharp(pixels, { raw: { width: 64, height: 32, channels: 3 } }).jpeg({ quality: 100 }).withMetadata({ orientation }).toFile(file);
  return file;
}

/** The grey bytes of an OCR image: sharp reads the PNG; a binary PGM's pixels follow its three header lines. */
async function greyPixels(image: OcrImage): Promise<Uint8Array> {
  if (image.format === "png") return (await sharp(image.file).greyscale().raw().toBuffer()).subarray(0);
  const header = image.file.toString("latin1", 0, 32).match(/^P5\n(\d+) (\d+)\n255\n/);
  expect(header?.slice(1, 3).map(Number)).toEqual([image.width, image.height]);
  return image.file.subarray(header![0].length);
}

describe.each(DECODERS)("%s decoder", (_name, decoder) => {
  test.each(BAD_INPUT_VERDICTS)("%s → %s", async (name, code, message) => {
    const file = inputs.files[name];
    // Either the header check or the decode refuses it; nothing is returned for a bad file.
    await expect(decoder.assertDecodable(file).then(() => decoder.ocrImage(file))).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8])("EXIF orientation %i is applied as sharp applies it", async (orientation) => {
    const file = await quadrants(orientation);
    const header = await decoder.assertDecodable(file);
    expect(header).toEqual({ width: 64, height: 32, orientation });
    const mine = await decoder.rgbSquare(file, 2);
    const reference = await sharpPhotoDecoder.rgbSquare(file, 2);
    expect(mine).toHaveLength(12);
    // Quadrant colours differ by ≥ 210 in some channel; resampling filters differ by a few tens at most.
    for (let i = 0; i < 12; i++) expect(Math.abs(mine[i] - reference[i])).toBeLessThanOrEqual(40);
    const ocr = await decoder.ocrImage(file, 16);
    expect([ocr.width, ocr.height]).toEqual(orientation >= 5 ? [8, 16] : [16, 8]);
  });

  test("a big photo is downscaled to the OCR side, grey, with the same luminance as sharp finds", async () => {
    const file = path.join(FIXTURES, "whiteboard_schedule.jpg");
    const mine = await decoder.ocrImage(file, 400);
    const reference = await sharpPhotoDecoder.ocrImage(file, 400);
    expect(Math.max(mine.width, mine.height)).toBe(400);
    expect([mine.width, mine.height]).toEqual([reference.width, reference.height]);
    expect(Math.abs(mine.meanLuminance - reference.meanLuminance)).toBeLessThan(2);
    const mineGrey = await greyPixels(mine);
    const referenceGrey = await greyPixels(reference);
    expect(mineGrey).toHaveLength(mine.width * mine.height);
    // Same picture: area averaging (ours) and sharp's filter differ by a few levels on average.
    let difference = 0;
    for (let i = 0; i < mineGrey.length; i++) difference += Math.abs(mineGrey[i] - referenceGrey[i]);
    expect(difference / mineGrey.length).toBeLessThan(6);
  });

  test("a vision-model image keeps its aspect ratio within the side limit", async () => {
    const image = await decoder.visionImage(path.join(FIXTURES, "dashboard_services.png"), 256);
    const { width, height } = await sharp(image).metadata();
    expect(Math.max(width!, height!)).toBe(256);
  });
});

test("Tesseract reads the same words from either decoder's OCR image", async () => {
  const ocr = new TesseractOcr();
  try {
    const file = path.join(FIXTURES, "dashboard_services.png");
    const words = async (decoder: PhotoDecoder) => (await ocr.recognize((await decoder.ocrImage(file)).file)).map((line) => line.text).join(" ").split(/\s+/);
    const fromSharp = await words(sharpPhotoDecoder);
    const fromWasm = await words(DECODERS[1][1]);
    const common = fromWasm.filter((word) => fromSharp.includes(word)).length;
    expect(fromSharp.length).toBeGreaterThan(10);
    expect(common / fromSharp.length).toBeGreaterThanOrEqual(0.9);
  } finally {
    await ocr.dispose();
  }
});
