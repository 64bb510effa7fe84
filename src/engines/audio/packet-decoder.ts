import type { EncodedPacket } from "mediabunny";

/** Decodes a batch of consecutive compressed packets to mono float PCM at `outputRate`. */
export interface PacketDecoder {
  readonly outputRate: number;
  decode(packets: EncodedPacket[]): Promise<Float32Array>;
  close(): void;
}

/** Averages channels to mono (speech recorders are mono or near-identical stereo). */
export function downmixToMono(channels: Float32Array[], length = channels[0]?.length ?? 0): Float32Array {
  if (channels.length === 1) return channels[0].length === length ? channels[0] : channels[0].slice(0, length);
  const mono = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i] += channel[i];
  const scale = 1 / channels.length;
  for (let i = 0; i < length; i++) mono[i] *= scale;
  return mono;
}
