/**
 * Safe decoding for the photo models with sharp (native; the CLI and the npm-installed host; the
 * portable host uses wasm-photo-decoder.ts): sniff the container, refuse what sharp cannot decode
 * (HEIC) or should not (decompression bombs), apply EXIF orientation, and downscale before
 * any model sees the pixels.
 */
import sharp, { type Metadata } from "sharp";
import { EngineError } from "../host/engine-error";
import { checkDeclaredSize, decodeFailure, MAX_IMAGE_PIXELS, OCR_MAX_SIDE, refuseHeic, sniffContainer, type OcrImage, type PhotoDecoder } from "./image-rules";

export { containerOf, MAX_IMAGE_PIXELS, MIN_IMAGE_SIDE, OCR_MAX_SIDE, sniffContainer, type ImageContainer, type OcrImage, type PhotoDecoder } from "./image-rules";

// libvips decodes and caches on its own threads; the host shares 2 cores with Obsidian.
sharp.cache(false);
sharp.concurrency(1);

/** Throws a user-readable EngineError when the file is not an image we can safely decode. */
export async function assertDecodableImage(absPath: string): Promise<{ width: number; height: number; orientation: number }> {
  const container = await sniffContainer(absPath);
  if (container === "heic") refuseHeic();
  let header: Metadata;
  try {
    header = await sharp(absPath, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new EngineError("corrupt-media", `Not a readable image (${container}): ${(error as Error).message}`);
  }
  // Checked from the header alone, before any pixel is decoded.
  const { width, height } = checkDeclaredSize(header.width, header.height);
  return { width, height, orientation: header.orientation ?? 1 };
}

/** Orientation applied, downscaled, grey; light-on-dark screens inverted so OCR sees dark text. */
export async function prepareOcrImage(absPath: string, maxSide = OCR_MAX_SIDE): Promise<OcrImage> {
  try {
    const { data, info } = await sharp(absPath, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "truncated" })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let sum = 0;
    for (let index = 0; index < data.length; index += info.channels) sum += data[index];
    const meanLuminance = sum / (info.width * info.height);
    const raw = { width: info.width, height: info.height, channels: info.channels as 1 };
    let pipeline = sharp(data, { raw });
    if (meanLuminance < 100) pipeline = pipeline.negate({ alpha: false });
    const png = await pipeline.png({ compressionLevel: 1 }).toBuffer();
    return { file: png, format: "png", width: info.width, height: info.height, meanLuminance };
  } catch (error) {
    throw decodeFailure(error);
  }
}

/** RGB pixels for a captioning model, orientation applied, resized to side×side. */
export async function prepareRgbSquare(absPath: string, side: number): Promise<Buffer> {
  try {
    return await sharp(absPath, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "truncated" })
      .rotate()
      .resize(side, side, { fit: "fill" })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer();
  } catch (error) {
    throw decodeFailure(error);
  }
}

/** A JPEG small enough to send to a vision model (Ollama takes base64 images). */
export async function prepareJpeg(absPath: string, maxSide = 1024): Promise<Buffer> {
  try {
    return await sharp(absPath, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "truncated" })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer();
  } catch (error) {
    throw decodeFailure(error);
  }
}

/** The functions above as a PhotoDecoder, for wiring that chooses between sharp and WebAssembly. */
export const sharpPhotoDecoder: PhotoDecoder = {
  name: "sharp",
  assertDecodable: assertDecodableImage,
  ocrImage: prepareOcrImage,
  rgbSquare: prepareRgbSquare,
  visionImage: prepareJpeg,
};
