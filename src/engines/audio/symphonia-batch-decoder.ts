import type { EncodedPacket } from "mediabunny";
import { OfflineAudioContext } from "node-web-audio-api";
import { EngineError } from "../host/engine-error";
import { concatBytes } from "./join-arrays";
import { describe } from "./media-input";
import { downmixToMono, type PacketDecoder } from "./packet-decoder";

export type SymphoniaCodec = "aac" | "mp3" | "flac";

/**
 * AAC, MP3 and FLAC through node-web-audio-api's decodeAudioData (Rust symphonia, native speed).
 * decodeAudioData only takes whole files, so each batch of packets is rewrapped as a tiny
 * self-describing stream (ADTS for AAC, bare frames for MP3, fLaC+STREAMINFO for FLAC).
 * The last packets of the previous batch are decoded again in front of each batch so the
 * decoder has its history (MDCT overlap, MP3 bit reservoir); their output is dropped.
 */
export class SymphoniaBatchDecoder implements PacketDecoder {
  private carry: EncodedPacket[] = [];
  private expectedSec = 0;
  private plannedSamples = 0;
  private readonly carryCount: number;

  constructor(
    private readonly codec: SymphoniaCodec,
    readonly outputRate: number,
    private readonly channels: number,
    private readonly description: Uint8Array | undefined,
  ) {
    // AAC needs the previous frame for its MDCT overlap; MP3's bit reservoir can reach back
    // 511 bytes (four or more small frames at low bit rates). FLAC frames stand alone.
    this.carryCount = codec === "flac" ? 0 : codec === "aac" ? 2 : 10;
  }

  /**
   * Everything but the native decode happens before the first await, so the caller may start the
   * next batch while this one decodes (symphonia runs on its own thread) and results stay in order.
   */
  async decode(packets: EncodedPacket[]): Promise<Float32Array> {
    if (packets.length === 0) return new Float32Array(0);
    const history = this.carry;
    this.carry = this.carryCount > 0 ? packets.slice(-this.carryCount) : [];
    // symphonia returns whole frames for every packet it gets, so the batch's own audio starts right
    // after the re-decoded history; the container may shorten the last packet (end trimming).
    const skip = Math.round(history.reduce((sum, p) => sum + p.duration, 0) * this.outputRate);
    this.expectedSec += packets.reduce((sum, p) => sum + p.duration, 0);
    const wanted = Math.max(0, Math.round(this.expectedSec * this.outputRate) - this.plannedSamples);
    this.plannedSamples += wanted;
    const mono = await decodeWithSymphonia(this.wrap([...history, ...packets]), this.channels, this.outputRate);
    const from = Math.min(skip, mono.length);
    return mono.subarray(from, from + Math.min(wanted, mono.length - from));
  }

  close(): void {
    this.carry = [];
  }

  private wrap(packets: EncodedPacket[]): Uint8Array {
    if (this.codec === "aac") {
      const header = adtsHeaderFields(this.description, this.outputRate, this.channels);
      // Packets from an .aac (ADTS) file keep their own header; MP4 packets are raw.
      return concatBytes(packets.flatMap((p) => (hasAdtsSync(p.data) ? [p.data] : [adtsHeader(header, p.data.byteLength), p.data])));
    }
    if (this.codec === "flac") {
      if (!this.description) throw new EngineError("corrupt-media", "The FLAC stream has no STREAMINFO header.");
      const streamInfo = this.description.slice();
      streamInfo[4] |= 0x80; // mark STREAMINFO as the last metadata block
      return concatBytes([streamInfo, ...packets.map((p) => p.data)]);
    }
    return concatBytes(packets.map((p) => p.data));
  }
}

/** Decodes a complete in-memory file at its own sample rate (no Web Audio resampling) and downmixes it. */
export async function decodeWithSymphonia(bytes: Uint8Array, channels: number, sampleRate: number): Promise<Float32Array> {
  const context = new OfflineAudioContext({ numberOfChannels: Math.max(1, channels), length: 1, sampleRate });
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let buffer: AudioBuffer;
  try {
    buffer = await context.decodeAudioData(copy);
  } catch (error) {
    throw new EngineError("corrupt-media", `The audio data could not be decoded: ${describe(error)}.`);
  }
  // Copy out: getChannelData views native memory that node-web-audio-api reuses once the
  // AudioBuffer is collected (seen as garbage samples in later batches).
  const planes: Float32Array[] = [];
  for (let c = 0; c < buffer.numberOfChannels; c++) planes.push(buffer.getChannelData(c).slice());
  return downmixToMono(planes, buffer.length);
}

interface AdtsFields {
  profile: number; // audio object type − 1
  frequencyIndex: number;
  channelConfig: number;
}

const AAC_FREQUENCIES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** Reads the MPEG-4 AudioSpecificConfig (ISO 14496-3 §1.6.2.1); without one, assumes AAC-LC. */
export function adtsHeaderFields(asc: Uint8Array | undefined, sampleRate: number, channels: number): AdtsFields {
  if (asc && asc.byteLength >= 2) {
    const objectType = asc[0] >> 3;
    const frequencyIndex = ((asc[0] & 0x07) << 1) | (asc[1] >> 7);
    const channelConfig = (asc[1] >> 3) & 0x0f;
    if (objectType >= 1 && objectType <= 4 && frequencyIndex < 13) return { profile: objectType - 1, frequencyIndex, channelConfig };
  }
  const frequencyIndex = AAC_FREQUENCIES.indexOf(sampleRate);
  if (frequencyIndex < 0) throw new EngineError("unsupported-media", `AAC at ${sampleRate} Hz is not supported.`);
  return { profile: 1, frequencyIndex, channelConfig: Math.min(channels, 7) };
}

/** A 7-byte ADTS header (ISO 14496-3 §1.A.2.2) for one raw AAC frame. */
function adtsHeader(fields: AdtsFields, payloadLength: number): Uint8Array {
  const frameLength = payloadLength + 7;
  return Uint8Array.of(
    0xff,
    0xf1, // MPEG-4, layer 0, no CRC
    (fields.profile << 6) | (fields.frequencyIndex << 2) | (fields.channelConfig >> 2),
    ((fields.channelConfig & 0x03) << 6) | (frameLength >> 11),
    (frameLength >> 3) & 0xff,
    ((frameLength & 0x07) << 5) | 0x1f,
    0xfc,
  );
}

function hasAdtsSync(data: Uint8Array): boolean {
  return data.byteLength > 7 && data[0] === 0xff && (data[1] & 0xf6) === 0xf0;
}

