import type { MediaKind } from "../../core/media";
import type { MediaProcessor } from "../../core/processing/processor-port";
import { audioMetadataProcessor } from "../metadata/audio-metadata-processor";
import { createImageMetadataProcessor } from "../metadata/image-metadata-processor";
import { createPhotoDescriptionProcessor } from "../image/photo-description-processor";
import { nativePhotoEngines } from "../image/native-photo-engines";
import { transcriptionProcessor } from "../whisper/transcription-processor";
import { emotionProcessor } from "../emotion/native-emotion-processor";

const imageMetadataProcessor = createImageMetadataProcessor(nativePhotoEngines.decoder);
const photoDescriptionProcessor = createPhotoDescriptionProcessor(nativePhotoEngines);

/**
 * The processors (native engines; main.js's host uses portable-processors.ts) for each media kind, in the order they run. Later processors see what
 * earlier ones found (the transcript feeds emotion, OCR text feeds the description).
 */
export function processorsFor(kind: MediaKind): MediaProcessor[] {
  if (kind === "audio") return [audioMetadataProcessor, transcriptionProcessor, emotionProcessor];
  return [imageMetadataProcessor, photoDescriptionProcessor, emotionProcessor];
}
