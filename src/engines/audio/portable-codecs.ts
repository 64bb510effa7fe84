/**
 * The codecs of the portable engine host: WebAssembly only. Opus (WebM from Obsidian's recorder,
 * .opus, Ogg Opus) with libopus, MP3 with libmpg123, FLAC in TypeScript, WAV by mediabunny itself.
 * AAC (m4a/mp4) and Ogg Vorbis have no decoder here yet: they fail with a clear "not supported" error
 * (why, and what was considered: docs/portable-engines.md).
 */
import { FlacPacketDecoder } from "./flac-packet-decoder";
import { MpegPacketDecoder } from "./mpeg-packet-decoder";
import { OpusPacketDecoder } from "./opus-packet-decoder";
import type { CodecSet } from "./pcm-stream";

export const portableCodecs: CodecSet = {
  async packetDecoder({ codec, sampleRate, channels }, description) {
    if (codec === "opus") return OpusPacketDecoder.create(description, channels);
    if (codec === "mp3") return MpegPacketDecoder.create(sampleRate);
    if (codec === "flac") return new FlacPacketDecoder(sampleRate, description);
    return undefined;
  },
  missing: "by the built-in decoder yet; convert the recording to WebM/Opus, MP3 or WAV, or use the command-line tool",
};
