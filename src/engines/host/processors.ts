import type { MediaKind } from "../../core/media";
import type { MediaProcessor } from "../../core/processing/processor-port";
import { audioMetadataProcessor } from "../metadata/audio-metadata-processor";
import { imageMetadataProcessor } from "../metadata/image-metadata-processor";
import { photoDescriptionProcessor } from "../image/photo-description-processor";
import { transcriptionProcessor } from "../whisper/transcription-processor";
import { emotionProcessor } from "../emotion/emotion-processor";

/**
 * The processors for each media kind, in the order they run. Later processors see what
 * earlier ones found (the transcript feeds emotion, OCR text feeds the description).
 */
export function processorsFor(kind: MediaKind): MediaProcessor[] {
  if (kind === "audio") return [audioMetadataProcessor, transcriptionProcessor, emotionProcessor];
  return [imageMetadataProcessor, photoDescriptionProcessor, emotionProcessor];
}
