import exifr from "exifr";
import sharp from "sharp";
import type { MediaProcessor } from "../../core/processing/processor-port";
import { EngineError } from "../host/engine-error";
import { localIsoFromDate } from "./local-iso";

/** Largest image we agree to decode; guards against decompression bombs. */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** Capture time, camera, dimensions (and GPS only when enabled) from EXIF and the image header. */
export const imageMetadataProcessor: MediaProcessor = {
  name: "image-metadata",
  kinds: ["image"],
  async process(job, findings, context) {
    context.onProgress({ stage: "Reading photo metadata", fraction: 0 });
    let header;
    try {
      header = await sharp(job.absPath, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
    } catch (error) {
      throw new EngineError("corrupt-media", `Not a readable image: ${(error as Error).message}`);
    }
    if (!header.width || !header.height) throw new EngineError("corrupt-media", "Not a readable image: no dimensions.");
    if (header.width * header.height > MAX_IMAGE_PIXELS) {
      throw new EngineError("unsupported-media", `Image too large to decode safely (${header.width}×${header.height}).`);
    }
    // EXIF is optional: screenshots and edited images often have none.
    const exif = await exifr
      .parse(job.absPath, { gps: context.options.includeGps, tiff: true, exif: true, reviveValues: true })
      .catch(() => undefined);
    const captured: unknown = exif?.DateTimeOriginal ?? exif?.CreateDate;
    const capturedAt = captured instanceof Date ? localIsoFromDate(captured) : undefined;
    const camera = [exif?.Make, exif?.Model].filter((part) => typeof part === "string" && part.trim()).join(" ").trim();
    const rotated = (header.orientation ?? 1) >= 5;
    const gps =
      context.options.includeGps && typeof exif?.latitude === "number" && typeof exif?.longitude === "number"
        ? `${exif.latitude.toFixed(5)},${exif.longitude.toFixed(5)}`
        : undefined;
    return {
      ...findings,
      capturedAt: findings.capturedAt ?? capturedAt,
      image: {
        ...findings.image,
        width: rotated ? header.height : header.width,
        height: rotated ? header.width : header.height,
        camera: camera || undefined,
        gps,
      },
    };
  },
};
