import type { EncodedPacket } from "mediabunny";
import { OpusDecoder } from "opus-decoder";
import { EngineError } from "../host/engine-error";
import { TARGET_SAMPLE_RATE } from "./pcm-types";
import { downmixToMono, type PacketDecoder } from "./packet-decoder";

/**
 * Opus (WebM from Obsidian's recorder, .opus, Ogg Opus) through libopus compiled to WebAssembly.
 * libopus decodes natively at 16 kHz, so Opus needs no resampling at all.
 */
export class OpusPacketDecoder implements PacketDecoder {
  readonly outputRate = TARGET_SAMPLE_RATE;
  private constructor(private readonly decoder: OpusDecoder<16000>) {}

  static async create(opusHead: Uint8Array | undefined, channels: number): Promise<OpusPacketDecoder> {
    const head = parseOpusHead(opusHead, channels);
    // OpusHead counts pre-skip in 48 kHz samples; opus-decoder skips that many *output* samples.
    const preSkip = Math.round((head.preSkip * TARGET_SAMPLE_RATE) / 48000);
    const decoder = new OpusDecoder({ sampleRate: TARGET_SAMPLE_RATE, ...head, preSkip });
    await decoder.ready;
    return new OpusPacketDecoder(decoder);
  }

  async decode(packets: EncodedPacket[]): Promise<Float32Array> {
    const decoded = this.decoder.decodeFrames(packets.map((packet) => packet.data));
    if (decoded.samplesDecoded === 0 && decoded.errors.length > 0) {
      throw new EngineError("corrupt-media", `The Opus audio is damaged: ${decoded.errors[0].message}.`);
    }
    return downmixToMono(decoded.channelData, decoded.samplesDecoded);
  }

  close(): void {
    this.decoder.free();
  }
}

interface OpusHeadFields {
  channels: number;
  preSkip: number;
  streamCount?: number;
  coupledStreamCount?: number;
  channelMappingTable?: number[];
}

/** Reads the OpusHead identification header (RFC 7845 §5.1); without one, assumes the simple mono/stereo mapping. */
export function parseOpusHead(head: Uint8Array | undefined, fallbackChannels: number): OpusHeadFields {
  const magic = head && head.byteLength >= 19 ? new TextDecoder().decode(head.subarray(0, 8)) : "";
  if (!head || magic !== "OpusHead") return simpleMapping(Math.min(Math.max(fallbackChannels, 1), 2), 0);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const channels = head[9];
  const preSkip = view.getUint16(10, true);
  const mappingFamily = head[18];
  if (mappingFamily === 0 || head.byteLength < 21 + channels) return simpleMapping(Math.min(channels, 2), preSkip);
  return {
    channels,
    preSkip,
    streamCount: head[19],
    coupledStreamCount: head[20],
    channelMappingTable: Array.from(head.subarray(21, 21 + channels)),
  };
}

/** Mapping family 0 (RFC 7845 §5.1.1.1): one stream, coupled when stereo. */
function simpleMapping(channels: number, preSkip: number): OpusHeadFields {
  return { channels, preSkip, streamCount: 1, coupledStreamCount: channels - 1, channelMappingTable: channels === 2 ? [0, 1] : [0] };
}
