/** Damaged and hostile image files for the bad-input tests, generated into a temp folder. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import sharp from "sharp";

export const FIXTURES = path.resolve(__dirname, "../../fixtures/images");

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG that declares width×height greyscale pixels but carries only a few rows. */
export function decompressionBombPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no interlace
  const rows = deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", rows),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The start of an iPhone HEIC: an ISO-BMFF ftyp box with the heic brand, then a meta box. */
export function heicLike(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic", "latin1"), Buffer.from([0, 0, 0, 0]), Buffer.from("mif1heic", "latin1")]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 16]), Buffer.from("meta", "latin1"), Buffer.alloc(2000, 7)]);
}

/** What each bad input must end in, whichever decoder or host refuses it: the error code and the words. */
export const BAD_INPUT_VERDICTS = [
  ["notAnImage", "corrupt-media", /Not a readable image/],
  ["garbageAfterJpegMarker", "corrupt-media", /Not a readable image|damaged/],
  ["truncatedJpeg", "corrupt-media", /damaged or truncated/],
  ["truncatedPng", "corrupt-media", /damaged or truncated/],
  ["onePixel", "unsupported-media", /only 1×1 pixels/],
  ["bomb", "unsupported-media", /60000×60000 pixels declared/],
  ["heic", "unsupported-media", /HEIC photos cannot be decoded here/],
  ["heicNamedJpg", "unsupported-media", /HEIC/],
] as const;

export interface BadInputs {
  dir: string;
  files: Record<string, string>;
}

export async function writeBadInputs(): Promise<BadInputs> {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-bad-images-"));
  const write = (name: string, data: Buffer | string) => {
    writeFileSync(path.join(dir, name), data);
    return path.join(dir, name);
  };
  const jpeg = readFileSync(path.join(FIXTURES, "whiteboard_schedule.jpg"));
  const png = readFileSync(path.join(FIXTURES, "dashboard_services.png"));
  const files = {
    notAnImage: write("notes.jpg", "these are meeting notes, not a photo\n".repeat(40)),
    garbageAfterJpegMarker: write("garbage.jpg", Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x5a)])),
    truncatedJpeg: write("truncated.jpg", jpeg.subarray(0, Math.floor(jpeg.length * 0.4))),
    truncatedPng: write("truncated.png", png.subarray(0, Math.floor(png.length * 0.5))),
    onePixel: write("pixel.png", await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } }).png().toBuffer()),
    bomb: write("bomb.png", decompressionBombPng(60_000, 60_000)),
    heic: write("IMG_0042.heic", heicLike()),
    heicNamedJpg: write("IMG_0043.jpg", heicLike()),
  };
  return { dir, files };
}
