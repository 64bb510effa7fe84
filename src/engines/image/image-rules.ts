/**
 * What any photo decoder here must refuse, checked from the header before a pixel is decoded, and
 * the container sniffing both decoders share (sharp for the CLI, WebAssembly for the portable host).
 */
import { open } from "node:fs/promises";
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

export function refuseHeic(): never {
  throw new EngineError(
    "unsupported-media",
    "HEIC photos cannot be decoded here (no HEVC decoder). Export the photo as JPEG, or set the phone camera to “Most compatible”.",
  );
}

/** The header's declared size must be decodable safely and worth decoding. */
export function checkDeclaredSize(width: number | undefined, height: number | undefined): { width: number; height: number } {
  if (!width || !height) throw new EngineError("corrupt-media", "Not a readable image: no dimensions.");
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new EngineError("unsupported-media", `Image too large to decode safely (${width}×${height} pixels declared; limit ${MAX_IMAGE_PIXELS / 1e6} MP).`);
  }
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
    throw new EngineError("unsupported-media", `Image is only ${width}×${height} pixels: too small to read or describe.`);
  }
  return { width, height };
}

export function decodeFailure(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const message = (error as Error).message ?? String(error);
  if (/pixel limit/i.test(message)) return new EngineError("unsupported-media", `Image too large to decode safely: ${message}`);
  return new EngineError("corrupt-media", `The image is damaged or truncated and cannot be decoded: ${message}`);
}

/** Long side scaled down to maxSide (never enlarged), keeping the aspect ratio. */
export function fitInside(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export interface OcrImage {
  /**
   * The greyscale image file for OCR, dark text on light ground, long side ≤ OCR_MAX_SIDE: PNG from
   * sharp (PaddleOCR needs a format sharp reads), binary PGM from the WebAssembly decoder (Tesseract's
   * Leptonica reads PGM's raw pixels without decoding, saving a PNG encode and decode per photo).
   */
  file: Buffer;
  format: "png" | "pgm";
  width: number;
  height: number;
  /** Mean luminance 0..255 of the picture as taken (before any inversion). */
  meanLuminance: number;
}

/** A photo decoder: sharp (native, CLI and npm install) or WebAssembly (portable host). */
export interface PhotoDecoder {
  readonly name: string;
  /** Throws a user-readable EngineError when the file is not an image we can safely decode. */
  assertDecodable(absPath: string): Promise<{ width: number; height: number; orientation: number }>;
  /** Orientation applied, downscaled, grey; light-on-dark screens inverted so OCR sees dark text. */
  ocrImage(absPath: string, maxSide?: number): Promise<OcrImage>;
  /** RGB pixels for a captioning model, orientation applied, resized to side×side. */
  rgbSquare(absPath: string, side: number): Promise<Uint8Array>;
  /** An image small enough to send to a vision model (JPEG or PNG; Ollama takes either, base64). */
  visionImage(absPath: string, maxSide: number): Promise<Buffer>;
}
