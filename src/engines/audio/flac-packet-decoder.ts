import type { EncodedPacket } from "mediabunny";
import { EngineError } from "../host/engine-error";
import { decodeFlacFrame } from "./flac-frame-decoder";
import { downmixToMono, type PacketDecoder } from "./packet-decoder";
import { concatFloat32 } from "./join-arrays";

/** FLAC packets (one frame each, from mediabunny) through the TypeScript frame decoder. */
export class FlacPacketDecoder implements PacketDecoder {
  private readonly bitsPerSample: number;

  constructor(
    readonly outputRate: number,
    description: Uint8Array | undefined,
  ) {
    // "fLaC" + metadata block header + STREAMINFO; bits per sample − 1 sits in bytes 12–13 of STREAMINFO.
    if (!description || description.byteLength < 42) throw new EngineError("corrupt-media", "The FLAC stream has no STREAMINFO header.");
    const info = description.subarray(8);
    this.bitsPerSample = (((info[12] & 0x01) << 4) | (info[13] >> 4)) + 1;
  }

  async decode(packets: EncodedPacket[]): Promise<Float32Array> {
    return concatFloat32(packets.map((packet) => downmixToMono(decodeFlacFrame(packet.data, this.bitsPerSample))));
  }

  close(): void {}
}
