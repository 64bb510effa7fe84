/**
 * Safe decoding for the photo models: sniff the container, refuse what sharp cannot decode
 * (HEIC) or should not (decompression bombs), apply EXIF orientation, and downscale before
 * any model sees the pixels.
 */
import { open } from "node:fs/promises";
import sharp, { type Metadata } from "sharp";
import { EngineError } from "../host/engine-error";

/** Largest image we agree to decode (a 100-megapixel panorama decodes in ~300 MB of RAM). */
export const MAX_IMAGE_PIXELS = 100_000_000;
/** Smaller than this in either side holds nothing to read or describe (tracking pixels, icons). */
export const MIN_IMAGE_SIDE = 16;
/**
 * Long side for OCR. A 12 MP photo (4000 px) is reduced 2.5×: a terminal photographed from
 * arm's length keeps ~25 px letters, and Tesseract's time (most of the 2 s budget) drops
 * by ~35% against 2000 px (bench/results/photo.json). Screenshots are rarely this large.
 */
export const OCR_MAX_SIDE = 1600;

// libvips decodes and caches on its own threads; the host shares 2 cores with Obsidian.
sharp.cache(false);
sharp.concurrency(1);

export type ImageContainer = "jpeg" | "png" | "webp" | "gif" | "heic" | "avif" | "tiff" | "unknown";

/** Reads the first bytes: extensions lie (a .jpg that is really an iPhone HEIC). */
export async function sniffContainer(absPath: string): Promise<ImageContainer> {
  const handle = await open(absPath, "r");
  try {
    const head = Buffer.alloc(32);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return containerOf(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function containerOf(head: Buffer): ImageContainer {
  if (head[0] === 0xff && head[1] === 0xd8) return "jpeg";
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (head.toString("latin1", 0, 4) === "RIFF" && head.toString("latin1", 8, 12) === "WEBP") return "webp";
  if (head.toString("latin1", 0, 3) === "GIF") return "gif";
  if (["II*\0", "MM\0*"].includes(head.toString("latin1", 0, 4))) return "tiff";
  if (head.toString("latin1", 4, 8) === "ftyp") {
    const brands = head.toString("latin1", 8, Math.min(head.length, 32));
    if (/avi[fs]/.test(brands)) return "avif";
    if (/hei[cxms]|hev[cxms]|mif1|msf1/.test(brands)) return "heic";
  }
  return "unknown";
}

/** Throws a user-readable EngineError when the file is not an image we can safely decode. */
export async function assertDecodableImage(absPath: string): Promise<{ width: number; height: number; orientation: number }> {
  const container = await sniffContainer(absPath);
  if (container === "heic") {
    throw new EngineError(
      "unsupported-media",
      "HEIC photos cannot be decoded here (no HEVC decoder). Export the photo as JPEG, or set the phone camera to “Most compatible”.",
    );
  }
  let header: Metadata;
  try {
    header = await sharp(absPath, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new EngineError("corrupt-media", `Not a readable image (${container}): ${(error as Error).message}`);
  }
  const { width, height } = header;
  if (!width || !height) throw new EngineError("corrupt-media", "Not a readable image: no dimensions.");
  // Checked from the header alone, before any pixel is decoded.
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new EngineError("unsupported-media", `Image too large to decode safely (${width}×${height} pixels declared; limit ${MAX_IMAGE_PIXELS / 1e6} MP).`);
  }
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
    throw new EngineError("unsupported-media", `Image is only ${width}×${height} pixels: too small to read or describe.`);
  }
  return { width, height, orientation: header.orientation ?? 1 };
}

export interface OcrImage {
  /** Greyscale PNG, dark text on light ground, long side ≤ OCR_MAX_SIDE. */
  png: Buffer;
  width: number;
  height: number;
  /** Mean luminance 0..255 of the picture as taken (before any inversion). */
  meanLuminance: number;
}

function decodeFailure(error: unknown): EngineError {
  const message = (error as Error).message ?? String(error);
  if (/pixel limit/i.test(message)) return new EngineError("unsupported-media", `Image too large to decode safely: ${message}`);
  return new EngineError("corrupt-media", `The image is damaged or truncated and cannot be decoded: ${message}`);
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
    return { png, width: info.width, height: info.height, meanLuminance };
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
