import { readFile } from "node:fs/promises";
import { AudioSampleSink, type EncodedPacket } from "mediabunny";
import { EngineError } from "../host/engine-error";
import { guardStep, throwIfAborted, withDeadline } from "./decode-guard";
import { DECODE_WORKER_FILE, findDecodeWorkerScript, streamPcm16kMonoInWorker } from "./isolated-decoder";
import { openAudioTrack, type OpenedAudioTrack } from "./media-input";
import { OpusPacketDecoder } from "./opus-packet-decoder";
import type { PacketDecoder } from "./packet-decoder";
import { downmixToMono } from "./packet-decoder";
import { TARGET_SAMPLE_RATE, type DecodedPcm, type PcmBlock, type SourceAudioInfo } from "./pcm-types";
import type { StreamOptions } from "./stream-options";
import { SincResampler, concatFloat32 } from "./sinc-resampler";
import { SymphoniaBatchDecoder, decodeWithSymphonia } from "./symphonia-batch-decoder";

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_STALL_TIMEOUT_MS = 60_000;
/** Media seconds decoded per step: big enough to amortise per-call costs, small enough for flat memory. */
const BATCH_SECONDS = 10;

export type { StreamOptions } from "./stream-options";

/**
 * Decodes any accepted recording to 16 kHz mono blocks, reading the file piece by piece.
 * Runs in a worker thread (killable if a demuxer hangs on a damaged file) when the bundled
 * worker script is found next to the running bundle, otherwise in this thread.
 */
export function streamPcm16kMono(source: string | Uint8Array, options: StreamOptions = {}): AsyncGenerator<PcmBlock> {
  if (options.isolation === "in-thread") return streamPcm16kMonoInThread(source, options);
  const script = options.workerScript ?? findDecodeWorkerScript();
  if (script) return streamPcm16kMonoInWorker(source, script, options);
  if (options.isolation === "worker") throw new EngineError("internal", `The audio decoder worker (${DECODE_WORKER_FILE}) is missing next to the engine bundle.`);
  return streamPcm16kMonoInThread(source, options);
}

/**
 * The decoder itself, in the calling thread. Memory stays flat for Opus (WebM/Ogg),
 * AAC (M4A/MP4/ADTS), MP3, FLAC and WAV; Ogg Vorbis is decoded whole (see docs/audio-decoding.md).
 */
export async function* streamPcm16kMonoInThread(source: string | Uint8Array, options: StreamOptions = {}): AsyncGenerator<PcmBlock> {
  const { signal } = options;
  const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const opened = await guardStep(openAudioTrack(source), signal, stallMs, "opening the recording");
  try {
    options.onSourceInfo?.(opened.info);
    const raw = await nativeRateBlocks(opened, source, { signal, stallMs, batchSec: options.batchSec ?? BATCH_SECONDS });
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

/** Decodes a whole recording into one 16 kHz mono buffer (fine up to a few hours: 1 h ≈ 230 MB). */
export async function decodeToPcm16kMono(source: string | Uint8Array, options: Omit<StreamOptions, "onSourceInfo" | "batchSec"> = {}): Promise<DecodedPcm> {
  const deadline = withDeadline(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, "Decoding the recording");
  try {
    const blocks: Float32Array[] = [];
    let info: SourceAudioInfo | undefined;
    const stream = streamPcm16kMono(source, { ...options, signal: deadline.signal, onSourceInfo: (i) => (info = i) });
    for await (const block of stream) blocks.push(block.samples);
    const samples = concatFloat32(blocks);
    return { samples, sampleRate: TARGET_SAMPLE_RATE, durationSec: samples.length / TARGET_SAMPLE_RATE, source: info! };
  } finally {
    deadline.dispose();
  }
}

interface NativeRateBlocks {
  rate: number;
  blocks: AsyncIterable<Float32Array>;
}

interface StepLimits {
  signal: AbortSignal | undefined;
  stallMs: number;
  batchSec: number;
}

async function nativeRateBlocks(opened: OpenedAudioTrack, source: string | Uint8Array, limits: StepLimits): Promise<NativeRateBlocks> {
  const { codec, sampleRate, channels } = opened.info;
  if (codec === "opus") {
    const decoder = await OpusPacketDecoder.create(opened.description, channels);
    return { rate: decoder.outputRate, blocks: packetBlocks(opened, decoder, limits) };
  }
  if (codec === "aac" || codec === "mp3" || codec === "flac") {
    const decoder = new SymphoniaBatchDecoder(codec, sampleRate, channels, opened.description);
    const totalSamples = codec === "flac" ? flacTotalSamples(opened.description) : undefined;
    return { rate: sampleRate, blocks: packetBlocks(opened, decoder, limits, totalSamples) };
  }
  if (codec.startsWith("pcm-") || codec === "ulaw" || codec === "alaw") {
    return { rate: sampleRate, blocks: pcmBlocks(opened, limits) };
  }
  if (codec === "vorbis") {
    return { rate: sampleRate, blocks: wholeFileBlocks(source, channels, sampleRate, limits) };
  }
  throw new EngineError("unsupported-media", `The audio codec "${codec}" in this ${opened.info.container} file is not supported.`);
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

/** Ogg Vorbis: decoded whole by symphonia (it needs the Ogg framing), then handed on in slices. */
async function* wholeFileBlocks(source: string | Uint8Array, channels: number, sampleRate: number, { signal, stallMs, batchSec }: StepLimits): AsyncGenerator<Float32Array> {
  const bytes = typeof source === "string" ? await readFile(source) : source;
  const mono = await guardStep(decodeWithSymphonia(bytes, channels, sampleRate), signal, stallMs, "decoding the recording");
  const slice = Math.max(1, Math.round(batchSec * sampleRate));
  for (let start = 0; start < mono.length; start += slice) yield mono.subarray(start, start + slice);
}
