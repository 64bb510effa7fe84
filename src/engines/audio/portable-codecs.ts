/**
 * The codecs of the portable engine host: WebAssembly only. Opus (WebM from Obsidian's recorder,
 * .opus, Ogg Opus) with libopus, MP3 with libmpg123, FLAC in TypeScript, WAV by mediabunny itself.
 * AAC (m4a/mp4/.aac) and Ogg Vorbis have no permissively licensed WebAssembly decoder: they go
 * outside the host (outside-decoders.ts), to Obsidian's WebCodecs in the renderer, else the user's
 * ffmpeg, else a clear error (why: docs/audio-decoding.md).
 */
import { FlacPacketDecoder } from "./flac-packet-decoder";
import { MpegPacketDecoder } from "./mpeg-packet-decoder";
import { OpusPacketDecoder } from "./opus-packet-decoder";
import { decodeOutside } from "./outside-decoders";
import { streamWithCodecs, type CodecSet } from "./pcm-stream";

export const portableCodecs: CodecSet = {
  async packetDecoder({ codec, sampleRate, channels }, description) {
    if (codec === "opus") return OpusPacketDecoder.create(description, channels);
    if (codec === "mp3") return MpegPacketDecoder.create(sampleRate);
    if (codec === "flac") return new FlacPacketDecoder(sampleRate, description);
    return undefined;
  },
  // The renderer's WAV is read back with these same codecs (WAV is mediabunny's own PCM reader).
  outside: (info, absPath, signal) => decodeOutside(info, absPath, (wav, wavSignal) => streamWithCodecs(wav, portableCodecs, { signal: wavSignal }), signal),
  missing: "by the built-in decoder yet; convert the recording to WebM/Opus, MP3 or WAV, or use the command-line tool",
};
