/**
 * The photo decoder of the portable engine host: no native code. JPEG (MozJPEG), PNG and WebP
 * (libwebp) decode in WebAssembly (@jsquash/*, from Squoosh), dimensions and EXIF orientation
 * come from the header (image-size) before any pixel is decoded, and resizing, greyscale and
 * orientation are plain TypeScript (area-resize.ts). Same limits and errors as the sharp decoder.
 * HEIC, AVIF, GIF and TIFF are refused with a clear error (measured and reasoned in docs/portable-engines.md).
 */
import { readFile } from "node:fs/promises";
import { imageSize } from "image-size";
import decodeJpeg, { init as initJpeg } from "@jsquash/jpeg/decode.js";
import decodePng, { init as initPng } from "@jsquash/png/decode.js";
import encodePng from "@jsquash/png/encode.js";
import decodeWebp, { init as initWebp } from "@jsquash/webp/decode.js";
import { EngineError } from "../host/engine-error";
import type { WasmAssets } from "../assets/wasm-assets";
import { applyOrientation, orientedSize, resizeRgba } from "./area-resize";
import { checkDeclaredSize, containerOf, decodeFailure, fitInside, OCR_MAX_SIDE, refuseHeic, type ImageContainer, type OcrImage, type PhotoDecoder } from "./image-rules";

const DECODABLE: readonly ImageContainer[] = ["jpeg", "png", "webp"];

interface Header {
  container: ImageContainer;
  width: number;
  height: number;
  orientation: number;
}

interface Rgba {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export class WasmPhotoDecoder implements PhotoDecoder {
  readonly name = "webassembly";
  private ready?: Promise<void>;

  constructor(private readonly assets: WasmAssets) {}

  /** Compiles the three codecs once, from the bytes the packager (or node_modules) supplies. */
  private start(): Promise<void> {
    this.ready ??= (async () => {
      const [jpeg, png, webp] = await Promise.all([
        this.assets.get("mozjpeg_dec.wasm").then(compile),
        this.assets.get("squoosh_png_bg.wasm").then(compile),
        this.assets.get("webp_dec.wasm").then(compile),
      ]);
      await Promise.all([initJpeg(jpeg), initPng(png), initWebp(webp)]);
    })();
    this.ready.catch(() => (this.ready = undefined));
    return this.ready;
  }

  async assertDecodable(absPath: string): Promise<{ width: number; height: number; orientation: number }> {
    const { width, height, orientation } = this.header(await readFile(absPath));
    return { width, height, orientation };
  }

  async ocrImage(absPath: string, maxSide = OCR_MAX_SIDE): Promise<OcrImage> {
    const { rgba, header } = await this.decode(absPath);
    const shown = orientedSize(rgba.width, rgba.height, header.orientation);
    const target = fitInside(shown.width, shown.height, maxSide);
    const stored = orientedSize(target.width, target.height, header.orientation); // same turn back
    const small = resizeRgba(rgba.data, rgba.width, rgba.height, stored.width, stored.height, 1);
    const grey = applyOrientation(small, stored.width, stored.height, 1, header.orientation);
    let sum = 0;
    for (let i = 0; i < grey.pixels.length; i++) sum += grey.pixels[i];
    const meanLuminance = sum / grey.pixels.length;
    if (meanLuminance < 100) for (let i = 0; i < grey.pixels.length; i++) grey.pixels[i] = 255 - grey.pixels[i];
    return { file: greyPgm(grey.pixels, grey.width, grey.height), format: "pgm", width: grey.width, height: grey.height, meanLuminance };
  }

  async rgbSquare(absPath: string, side: number): Promise<Uint8Array> {
    const { rgba, header } = await this.decode(absPath);
    const small = resizeRgba(rgba.data, rgba.width, rgba.height, side, side, 3);
    return applyOrientation(small, side, side, 3, header.orientation).pixels;
  }

  async visionImage(absPath: string, maxSide: number): Promise<Buffer> {
    const { rgba, header } = await this.decode(absPath);
    const shown = orientedSize(rgba.width, rgba.height, header.orientation);
    const target = fitInside(shown.width, shown.height, maxSide);
    const stored = orientedSize(target.width, target.height, header.orientation);
    const small = resizeRgba(rgba.data, rgba.width, rgba.height, stored.width, stored.height, 3);
    const upright = applyOrientation(small, stored.width, stored.height, 3, header.orientation);
    return this.encodeRgbPng(upright.pixels, upright.width, upright.height);
  }

  /** Container, size and orientation from the first bytes; refuses HEIC, bombs and tiny images. */
  private header(bytes: Uint8Array): Header {
    const container = containerOf(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 32)));
    if (container === "heic") refuseHeic();
    let size: ReturnType<typeof imageSize>;
    try {
      size = imageSize(bytes);
    } catch (error) {
      throw new EngineError("corrupt-media", `Not a readable image (${container}): ${(error as Error).message}`);
    }
    const { width, height } = checkDeclaredSize(size.width, size.height);
    if (!DECODABLE.includes(container)) {
      throw new EngineError("unsupported-media", `${container.toUpperCase()} images are not supported by the built-in decoder; export the picture as JPEG or PNG.`);
    }
    return { container, width, height, orientation: size.orientation ?? 1 };
  }

  private async decode(absPath: string): Promise<{ rgba: Rgba; header: Header }> {
    const bytes = await readFile(absPath);
    const header = this.header(bytes);
    await this.start();
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    try {
      if (header.container === "jpeg") assertJpegComplete(bytes);
      const image = header.container === "jpeg" ? await decodeJpeg(buffer) : header.container === "png" ? await decodePng(buffer) : await decodeWebp(buffer);
      if (image.width !== header.width || image.height !== header.height) {
        throw new Error(`decoded ${image.width}×${image.height}, header says ${header.width}×${header.height}`);
      }
      return { rgba: image, header };
    } catch (error) {
      throw decodeFailure(error);
    }
  }

  private async encodeRgbPng(pixels: Uint8Array, width: number, height: number): Promise<Buffer> {
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0, o = 0; i < pixels.length; i += 3, o += 4) {
      rgba[o] = pixels[i];
      rgba[o + 1] = pixels[i + 1];
      rgba[o + 2] = pixels[i + 2];
      rgba[o + 3] = 255;
    }
    return Buffer.from(await encodePng({ data: rgba, width, height, colorSpace: "srgb" } as ImageData));
  }
}

/** Binary PGM (P5): a one-line header and the grey bytes as they are, which Leptonica reads directly. */
function greyPgm(pixels: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, "latin1");
  return Buffer.concat([header, pixels]);
}

/** Asset bytes never sit in shared memory; the cast only narrows the buffer type. */
const compile = (bytes: Uint8Array) => WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);

/**
 * MozJPEG fills a cut-off file with grey and carries on; sharp (failOn "truncated") refuses it.
 * A whole JPEG ends with the EOI marker (FF D9), possibly followed by padding some cameras add.
 */
function assertJpegComplete(bytes: Uint8Array): void {
  let end = bytes.byteLength;
  while (end > 2 && bytes[end - 1] === 0) end--;
  for (let i = end - 2; i >= Math.max(0, end - 64); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return;
  throw new Error("the JPEG data ends before its end-of-image marker (truncated file)");
}
