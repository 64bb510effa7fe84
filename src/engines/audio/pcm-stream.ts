/**
 * The streaming decoder without its codecs: mediabunny demuxes, a CodecSet decodes the packets
 * (native-codecs.ts: symphonia and libopus; portable-codecs.ts: WebAssembly only), WAV is read by
 * mediabunny itself, and our resampler brings everything to 16 kHz mono.
 */
import { readFile } from "node:fs/promises";
import { AudioSampleSink, type EncodedPacket } from "mediabunny";
import { EngineError } from "../host/engine-error";
import { guardStep, throwIfAborted } from "./decode-guard";
import { openAudioTrack, type OpenedAudioTrack } from "./media-input";
import type { PacketDecoder } from "./packet-decoder";
import { downmixToMono } from "./packet-decoder";
import { TARGET_SAMPLE_RATE, type PcmBlock, type SourceAudioInfo } from "./pcm-types";
import type { StreamOptions } from "./stream-options";
import { SincResampler } from "./sinc-resampler";

const DEFAULT_STALL_TIMEOUT_MS = 60_000;
/** Media seconds decoded per step: big enough to amortise per-call costs, small enough for flat memory. */
const BATCH_SECONDS = 10;

/** Decodes a whole file at once (codecs whose framing the packet decoders cannot take). */
export type WholeFileDecoder = (bytes: Uint8Array) => Promise<{ mono: Float32Array; sampleRate: number }>;

export interface CodecSet {
  /** A decoder for the track's compressed packets, or undefined when this set has none for its codec. */
  packetDecoder(info: SourceAudioInfo, description: Uint8Array | undefined): Promise<PacketDecoder | undefined>;
  /** For codecs decoded whole (Ogg Vorbis with symphonia). */
  wholeFile?(info: SourceAudioInfo): WholeFileDecoder | undefined;
  /**
   * For codecs this set has no decoder for, a decoder outside the process (the portable host:
   * Obsidian's renderer, then the user's ffmpeg; outside-decoders.ts). Files on disk only.
   */
  outside?(info: SourceAudioInfo, absPath: string, signal?: AbortSignal): Promise<NativeRateBlocks>;
  /** Appended to the "not supported" error, e.g. why a codec is missing from this set. */
  missing?: string;
}

/**
 * The decoder itself, in the calling thread, with the given codecs. Memory stays flat for packet
 * codecs and WAV; whole-file codecs (Ogg Vorbis) are decoded whole (see docs/audio-decoding.md).
 */
export async function* streamWithCodecs(source: string | Uint8Array, codecs: CodecSet, options: StreamOptions = {}): AsyncGenerator<PcmBlock> {
  const { signal } = options;
  const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const opened = await guardStep(openAudioTrack(source), signal, stallMs, "opening the recording");
  try {
    options.onSourceInfo?.(opened.info);
    const raw = await nativeRateBlocks(opened, source, codecs, { signal, stallMs, batchSec: options.batchSec ?? BATCH_SECONDS });
    const resampler = new SincResampler(raw.rate, TARGET_SAMPLE_RATE);
    let emitted = 0;
    for await (const samples of raw.blocks) {
      throwIfAborted(signal);
      const out = resampler.process(samples);
      if (out.length === 0) continue;
      // Count before yielding: the consumer may transfer (detach) the block's buffer.
      const startSec = emitted / TARGET_SAMPLE_RATE;
      emitted += out.length;
      yield { startSec, samples: out };
    }
    const tail = resampler.flush();
    const tailStartSec = emitted / TARGET_SAMPLE_RATE;
    emitted += tail.length;
    if (tail.length > 0) yield { startSec: tailStartSec, samples: tail };
    if (emitted === 0) throw new EngineError("corrupt-media", `The ${opened.info.container} file contains no decodable audio.`);
  } finally {
    opened.dispose();
  }
}

export interface NativeRateBlocks {
  rate: number;
  blocks: AsyncIterable<Float32Array>;
}

interface StepLimits {
  signal: AbortSignal | undefined;
  stallMs: number;
  batchSec: number;
}

async function nativeRateBlocks(opened: OpenedAudioTrack, source: string | Uint8Array, codecs: CodecSet, limits: StepLimits): Promise<NativeRateBlocks> {
  const { codec, sampleRate } = opened.info;
  if (codec.startsWith("pcm-") || codec === "ulaw" || codec === "alaw") {
    return { rate: sampleRate, blocks: pcmBlocks(opened, limits) };
  }
  const decoder = await codecs.packetDecoder(opened.info, opened.description);
  if (decoder) {
    const totalSamples = codec === "flac" ? flacTotalSamples(opened.description) : undefined;
    return { rate: decoder.outputRate, blocks: packetBlocks(opened, decoder, limits, totalSamples) };
  }
  const wholeFile = codecs.wholeFile?.(opened.info);
  if (wholeFile) return { rate: sampleRate, blocks: wholeFileBlocks(source, wholeFile, limits) };
  if (codecs.outside && typeof source === "string") return codecs.outside(opened.info, source, limits.signal);
  throw new EngineError("unsupported-media", `The audio codec "${codec}" in this ${opened.info.container} file is not supported${codecs.missing ? ` ${codecs.missing}` : ""}.`);
}

/** Groups packets into batches of ~batchSec, decodes each, and drops encoder priming (packets before time 0). */
async function* packetBlocks(
  opened: OpenedAudioTrack,
  decoder: PacketDecoder,
  { signal, stallMs, batchSec: batchLimit }: StepLimits,
  expectedTotalSamples?: number,
): AsyncGenerator<Float32Array> {
  const iterator = opened.packets();
  let batch: EncodedPacket[] = [];
  let batchSec = 0;
  let primingToDrop: number | undefined;
  let emitted = 0;
  // One batch decodes ahead: symphonia decodes batch n+1 on its own thread while batch n is resampled.
  let ahead: Promise<Float32Array> | undefined;
  const startBatch = () => {
    const decoding = decoder.decode(batch);
    decoding.catch(() => undefined); // awaited below; avoid an unhandled-rejection warning meanwhile
    batch = [];
    batchSec = 0;
    return decoding;
  };
  const finish = async (decoding: Promise<Float32Array>) => {
    let mono = await guardStep(decoding, signal, stallMs, "decoding a block of audio");
    if (primingToDrop && primingToDrop > 0) {
      const drop = Math.min(primingToDrop, mono.length);
      primingToDrop -= drop;
      mono = mono.subarray(drop);
    }
    emitted += mono.length;
    return mono;
  };
  try {
    for (;;) {
      const next = await guardStep(iterator.next(), signal, stallMs, "reading the recording");
      if (next.done) break;
      const packet = next.value;
      primingToDrop ??= Math.max(0, Math.round(-packet.timestamp * decoder.outputRate));
      batch.push(packet);
      batchSec += packet.duration;
      if (batchSec >= batchLimit) {
        const started = startBatch();
        if (ahead) yield await finish(ahead);
        ahead = started;
      }
    }
    const last = batch.length > 0 ? startBatch() : undefined;
    if (ahead) yield await finish(ahead);
    if (last) yield await finish(last);
    // mediabunny (1.61) skips a FLAC file's last frame when it is only a few bytes long, which
    // happens when a recording ends in digital silence; restore that silence from STREAMINFO.
    const missing = expectedTotalSamples ? expectedTotalSamples - emitted : 0;
    if (missing > 0 && missing <= MAX_FLAC_BLOCK) yield new Float32Array(missing);
  } finally {
    decoder.close();
    await iterator.return(undefined);
  }
}

const MAX_FLAC_BLOCK = 65535;

/** Total samples per channel from FLAC STREAMINFO ("fLaC" + block header + 34 bytes); 0 when unknown. */
function flacTotalSamples(description: Uint8Array | undefined): number | undefined {
  if (!description || description.byteLength < 42) return undefined;
  const info = description.subarray(8);
  const high = info[13] & 0x0f; // the 36-bit count starts in the low nibble of byte 13
  const total = high * 2 ** 32 + ((info[14] << 24) >>> 0) + (info[15] << 16) + (info[16] << 8) + info[17];
  return total > 0 ? total : undefined;
}

/** WAV and other uncompressed audio: mediabunny converts every PCM variant to float itself. */
async function* pcmBlocks(opened: OpenedAudioTrack, { signal, stallMs }: StepLimits): AsyncGenerator<Float32Array> {
  const iterator = new AudioSampleSink(opened.track).samples();
  try {
    for (;;) {
      const next = await guardStep(iterator.next(), signal, stallMs, "reading the recording");
      if (next.done) break;
      const sample = next.value;
      const planes: Float32Array[] = [];
      for (let c = 0; c < sample.numberOfChannels; c++) {
        const plane = new Float32Array(sample.numberOfFrames);
        sample.copyTo(plane, { planeIndex: c, format: "f32-planar" });
        planes.push(plane);
      }
      sample.close();
      yield downmixToMono(planes);
    }
  } finally {
    await iterator.return(undefined);
  }
}

/** Ogg Vorbis: decoded whole (symphonia needs the Ogg framing), then handed on in slices. */
async function* wholeFileBlocks(source: string | Uint8Array, decode: WholeFileDecoder, { signal, stallMs, batchSec }: StepLimits): AsyncGenerator<Float32Array> {
  const bytes = typeof source === "string" ? await readFile(source) : source;
  const { mono, sampleRate } = await guardStep(decode(bytes), signal, stallMs, "decoding the recording");
  const slice = Math.max(1, Math.round(batchSec * sampleRate));
  for (let start = 0; start < mono.length; start += slice) yield mono.subarray(start, start + slice);
}
