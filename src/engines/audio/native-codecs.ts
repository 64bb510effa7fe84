/**
 * The codecs of the CLI and the npm-installed host: libopus (WebAssembly) for Opus, symphonia
 * (node-web-audio-api, native) for AAC, MP3, FLAC and, whole-file, Ogg Vorbis.
 */
import { OpusPacketDecoder } from "./opus-packet-decoder";
import type { CodecSet } from "./pcm-stream";
import { SymphoniaBatchDecoder, decodeWithSymphonia } from "./symphonia-batch-decoder";

export const nativeCodecs: CodecSet = {
  async packetDecoder({ codec, sampleRate, channels }, description) {
    if (codec === "opus") return OpusPacketDecoder.create(description, channels);
    if (codec === "aac" || codec === "mp3" || codec === "flac") return new SymphoniaBatchDecoder(codec, sampleRate, channels, description);
    return undefined;
  },
  wholeFile({ codec, sampleRate, channels }) {
    if (codec !== "vorbis") return undefined;
    return async (bytes) => ({ mono: await decodeWithSymphonia(bytes, channels, sampleRate), sampleRate });
  },
};
