/**
 * FLAC frames to samples, in TypeScript (RFC 9639): the portable host's FLAC decoder. FLAC is
 * lossless and small to decode (fixed or LPC prediction plus Rice-coded residuals), and every
 * WebAssembly FLAC decoder on npm pulls in an LGPL parser. mediabunny hands us one frame per packet.
 */
import { EngineError } from "../host/engine-error";

class BitReader {
  private bytePos = 0;
  private bitPos = 0; // bits already used in the current byte

  constructor(private readonly data: Uint8Array) {}

  bits(count: number): number {
    let value = 0;
    for (let left = count; left > 0; ) {
      if (this.bytePos >= this.data.length) throw new EngineError("corrupt-media", "A FLAC frame ends early.");
      const available = 8 - this.bitPos;
      const take = Math.min(available, left);
      const chunk = (this.data[this.bytePos] >> (available - take)) & ((1 << take) - 1);
      value = value * (1 << take) + chunk;
      left -= take;
      this.bitPos += take;
      if (this.bitPos === 8) {
        this.bitPos = 0;
        this.bytePos++;
      }
    }
    return value;
  }

  signed(count: number): number {
    if (count === 0) return 0;
    const value = this.bits(count);
    return value >= 2 ** (count - 1) ? value - 2 ** count : value;
  }

  unary(): number {
    let zeros = 0;
    while (this.bits(1) === 0) zeros++;
    return zeros;
  }

  /** The frame number/sample number: UTF-8-like variable-length coding. */
  skipUtf8Number(): void {
    const first = this.bits(8);
    let extra = 0;
    for (let mask = 0x80; first & mask && mask > 1; mask >>= 1) extra++;
    for (let i = 1; i < extra; i++) this.bits(8);
  }
}

const BLOCK_SIZES = [0, 192, 576, 1152, 2304, 4608, 0, 0, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768];
const SAMPLE_SIZES = [0, 8, 12, 0, 16, 20, 24, 32];

/** Decodes one FLAC frame into planar integer samples scaled to [-1, 1). */
export function decodeFlacFrame(frame: Uint8Array, streamBitsPerSample: number): Float32Array[] {
  const reader = new BitReader(frame);
  if (reader.bits(15) !== 0x7ffc) throw new EngineError("corrupt-media", "A FLAC frame has no sync code.");
  reader.bits(1); // blocking strategy
  const blockSizeCode = reader.bits(4);
  const sampleRateCode = reader.bits(4);
  const channelCode = reader.bits(4);
  const sampleSizeCode = reader.bits(3);
  reader.bits(1);
  reader.skipUtf8Number();
  let blockSize = BLOCK_SIZES[blockSizeCode];
  if (blockSizeCode === 6) blockSize = reader.bits(8) + 1;
  else if (blockSizeCode === 7) blockSize = reader.bits(16) + 1;
  if (sampleRateCode === 12) reader.bits(8);
  else if (sampleRateCode === 13 || sampleRateCode === 14) reader.bits(16);
  reader.bits(8); // CRC-8 of the header
  const bitsPerSample = sampleSizeCode === 0 ? streamBitsPerSample : SAMPLE_SIZES[sampleSizeCode];
  if (!blockSize || !bitsPerSample) throw new EngineError("corrupt-media", "A FLAC frame header is invalid.");

  const channels = channelCode < 8 ? channelCode + 1 : 2;
  const planes: Int32Array[] = [];
  for (let channel = 0; channel < channels; channel++) {
    // The side channel of a stereo pair carries one bit more.
    const sideBit = (channelCode === 8 && channel === 1) || (channelCode === 9 && channel === 0) || (channelCode === 10 && channel === 1) ? 1 : 0;
    planes.push(decodeSubframe(reader, blockSize, bitsPerSample + sideBit));
  }
  decorrelate(planes, channelCode);
  const scale = 1 / 2 ** (bitsPerSample - 1);
  return planes.map((plane) => {
    const out = new Float32Array(blockSize);
    for (let i = 0; i < blockSize; i++) out[i] = plane[i] * scale;
    return out;
  });
}

function decodeSubframe(reader: BitReader, blockSize: number, bits: number): Int32Array {
  reader.bits(1); // zero padding
  const type = reader.bits(6);
  let wasted = 0;
  if (reader.bits(1)) wasted = reader.unary() + 1;
  const sampleBits = bits - wasted;
  const out = new Int32Array(blockSize);
  if (type === 0) {
    out.fill(reader.signed(sampleBits));
  } else if (type === 1) {
    for (let i = 0; i < blockSize; i++) out[i] = reader.signed(sampleBits);
  } else if (type >= 8 && type <= 12) {
    const order = type - 8;
    for (let i = 0; i < order; i++) out[i] = reader.signed(sampleBits);
    readResidual(reader, blockSize, order, out);
    restoreFixed(out, order);
  } else if (type >= 32) {
    const order = type - 31;
    for (let i = 0; i < order; i++) out[i] = reader.signed(sampleBits);
    const precision = reader.bits(4) + 1;
    const shift = reader.signed(5);
    const coefficients = Array.from({ length: order }, () => reader.signed(precision));
    readResidual(reader, blockSize, order, out);
    restoreLpc(out, order, coefficients, shift);
  } else {
    throw new EngineError("corrupt-media", `A FLAC subframe has a reserved type (${type}).`);
  }
  if (wasted) for (let i = 0; i < blockSize; i++) out[i] *= 2 ** wasted;
  return out;
}

/** Rice-coded residuals after the warm-up samples (partitioned, parameters of 4 or 5 bits). */
function readResidual(reader: BitReader, blockSize: number, order: number, out: Int32Array): void {
  const method = reader.bits(2);
  if (method > 1) throw new EngineError("corrupt-media", "A FLAC residual uses a reserved coding method.");
  const parameterBits = method === 0 ? 4 : 5;
  const escape = method === 0 ? 15 : 31;
  const partitionOrder = reader.bits(4);
  const partitions = 1 << partitionOrder;
  let index = order;
  for (let p = 0; p < partitions; p++) {
    const count = (blockSize >> partitionOrder) - (p === 0 ? order : 0);
    const parameter = reader.bits(parameterBits);
    if (parameter === escape) {
      const rawBits = reader.bits(5);
      for (let i = 0; i < count; i++) out[index++] = reader.signed(rawBits);
      continue;
    }
    for (let i = 0; i < count; i++) {
      const value = reader.unary() * 2 ** parameter + reader.bits(parameter);
      out[index++] = value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    }
  }
}

function restoreFixed(out: Int32Array, order: number): void {
  for (let i = order; i < out.length; i++) {
    if (order === 1) out[i] += out[i - 1];
    else if (order === 2) out[i] += 2 * out[i - 1] - out[i - 2];
    else if (order === 3) out[i] += 3 * out[i - 1] - 3 * out[i - 2] + out[i - 3];
    else if (order === 4) out[i] += 4 * out[i - 1] - 6 * out[i - 2] + 4 * out[i - 3] - out[i - 4];
  }
}

function restoreLpc(out: Int32Array, order: number, coefficients: number[], shift: number): void {
  for (let i = order; i < out.length; i++) {
    let prediction = 0;
    for (let j = 0; j < order; j++) prediction += coefficients[j] * out[i - 1 - j];
    out[i] += Math.floor(prediction / 2 ** shift);
  }
}

/** Stereo decorrelation: left/side (8), side/right (9), mid/side (10). */
function decorrelate(planes: Int32Array[], channelCode: number): void {
  if (channelCode < 8) return;
  const [a, b] = planes;
  for (let i = 0; i < a.length; i++) {
    if (channelCode === 8) b[i] = a[i] - b[i];
    else if (channelCode === 9) a[i] += b[i];
    else {
      const mid = a[i] * 2 + (b[i] & 1);
      const side = b[i];
      a[i] = (mid + side) >> 1;
      b[i] = (mid - side) >> 1;
    }
  }
}
