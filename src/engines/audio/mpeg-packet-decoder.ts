import type { EncodedPacket } from "mediabunny";
import { MPEGDecoder } from "mpg123-decoder";
import { EngineError } from "../host/engine-error";
import { downmixToMono, type PacketDecoder } from "./packet-decoder";

/**
 * MP3 through libmpg123 compiled to WebAssembly (mpg123-decoder, MIT; no LGPL parser involved):
 * one decoder per recording keeps the bit reservoir across batches, so seams need no overlap.
 */
export class MpegPacketDecoder implements PacketDecoder {
  private constructor(
    private readonly decoder: MPEGDecoder,
    readonly outputRate: number,
  ) {}

  static async create(sampleRate: number): Promise<MpegPacketDecoder> {
    const decoder = new MPEGDecoder();
    await decoder.ready;
    return new MpegPacketDecoder(decoder, sampleRate);
  }

  async decode(packets: EncodedPacket[]): Promise<Float32Array> {
    const decoded = this.decoder.decodeFrames(packets.map((packet) => packet.data));
    if (decoded.samplesDecoded === 0 && decoded.errors.length > 0) {
      throw new EngineError("corrupt-media", `The MP3 audio is damaged: ${decoded.errors[0].message}.`);
    }
    if (decoded.samplesDecoded > 0 && decoded.sampleRate !== this.outputRate) {
      throw new EngineError("corrupt-media", `The MP3 changes sample rate mid-stream (${this.outputRate} → ${decoded.sampleRate} Hz).`);
    }
    return downmixToMono(decoded.channelData, decoded.samplesDecoded);
  }

  close(): void {
    this.decoder.free();
  }
}
