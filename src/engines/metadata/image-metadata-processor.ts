import exifr from "exifr";
import type { MediaProcessor } from "../../core/processing/processor-port";
import type { PhotoDecoder } from "../image/image-rules";
import { capturedAtIso } from "../../core/time/local-iso";

export { MAX_IMAGE_PIXELS } from "../image/image-rules";

/** The EXIF fields we read; exifr types its result as any. */
interface ExifFields {
  DateTimeOriginal?: unknown;
  CreateDate?: unknown;
  Make?: unknown;
  Model?: unknown;
  latitude?: unknown;
  longitude?: unknown;
}

/** Capture time, camera, dimensions (and GPS only when enabled) from EXIF and the image header. */
export const createImageMetadataProcessor = (decoder: PhotoDecoder): MediaProcessor => ({
  name: "image-metadata",
  kinds: ["image"],
  async process(job, findings, context) {
    context.onProgress({ stage: "Reading photo metadata", fraction: 0 });
    // HEIC, damaged headers, decompression bombs and 1×1 images stop here with a clear EngineError.
    const header = await decoder.assertDecodable(job.absPath);
    // EXIF is optional: screenshots and edited images often have none.
    const exif = (await exifr
      .parse(job.absPath, { gps: context.options.includeGps, tiff: true, exif: true, reviveValues: true })
      .catch(() => undefined)) as ExifFields | undefined;
    const captured: unknown = exif?.DateTimeOriginal ?? exif?.CreateDate;
    const capturedAt = captured instanceof Date ? capturedAtIso(captured) : undefined;
    const camera = [exif?.Make, exif?.Model].filter((part) => typeof part === "string" && part.trim()).join(" ").trim();
    // EXIF orientations 5-8 turn the picture a quarter: the displayed width is the stored height.
    const rotated = header.orientation >= 5;
    const latitude = exif?.latitude;
    const longitude = exif?.longitude;
    const gps =
      context.options.includeGps && typeof latitude === "number" && typeof longitude === "number"
        ? `${latitude.toFixed(5)},${longitude.toFixed(5)}`
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
});
