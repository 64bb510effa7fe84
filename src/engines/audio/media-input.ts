import { ALL_FORMATS, BufferSource, EncodedPacketSink, FilePathSource, Input, type EncodedPacket, type InputAudioTrack } from "mediabunny";
import { EMPTY_FILE_MESSAGE } from "../../core/queue/error-codes";
import { EngineError } from "../host/engine-error";
import { checkReadableMedia } from "../host/media-file-check";
import type { SourceAudioInfo } from "./pcm-types";

/** An opened audio track: container facts plus a lazy packet reader (the file is read in ranges, never whole). */
export interface OpenedAudioTrack {
  info: SourceAudioInfo;
  /** Codec-specific setup bytes (OpusHead, AudioSpecificConfig, FLAC STREAMINFO, Vorbis headers). */
  description: Uint8Array | undefined;
  track: InputAudioTrack;
  packets(): AsyncGenerator<EncodedPacket>;
  dispose(): void;
}

/**
 * Opens a file path or bytes with mediabunny (a pure-TypeScript demuxer for MP4/M4A, WebM/Matroska,
 * Ogg, MP3, ADTS, FLAC and WAVE) and turns its failures into errors a user can read.
 */
export async function openAudioTrack(source: string | Uint8Array): Promise<OpenedAudioTrack> {
  if (typeof source === "string") await checkReadableMedia(source);
  else if (source.byteLength === 0) throw new EngineError("empty-file", EMPTY_FILE_MESSAGE);

  const input = new Input({
    formats: ALL_FORMATS,
    source: typeof source === "string" ? new FilePathSource(source) : new BufferSource(source),
  });
  try {
    const format = await input.getFormat().catch((error: unknown) => {
      throw new EngineError("unsupported-media", `Not a recognised audio file (${describe(error)}).`);
    });
    const track = await input.getPrimaryAudioTrack();
    if (!track) {
      throw new EngineError(
        "corrupt-media",
        `The ${format.name} file holds no readable audio track; it may be truncated (an interrupted recording) or not a recording at all.`,
      );
    }
    const config = await track.getDecoderConfig();
    const description = config?.description ? toBytes(config.description) : undefined;
    return {
      info: { container: format.name, codec: (await track.getCodec()) ?? "unknown", sampleRate: await track.getSampleRate(), channels: await track.getNumberOfChannels() },
      description,
      track,
      packets: () => new EncodedPacketSink(track).packets(),
      dispose: () => input.dispose(),
    };
  } catch (error) {
    input.dispose();
    if (error instanceof EngineError) throw error;
    throw new EngineError("corrupt-media", `The recording could not be read: ${describe(error)}.`);
  }
}

function toBytes(source: AllowSharedBufferSource): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
