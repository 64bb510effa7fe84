/**
 * Decoding inside Obsidian's renderer (a Web Worker): mediabunny demuxes the container and drives
 * the browser's WebCodecs AudioDecoder, which in Electron (Chromium with its proprietary codecs)
 * decodes AAC and Vorbis, the formats the WebAssembly engine host has no decoder for. Our
 * resampler brings the audio to 16 kHz mono in blocks, so memory stays flat however long the
 * recording is. Runs wherever WebCodecs exists; no Node, no DOM.
 */
import { ALL_FORMATS, AudioSampleSink, Input, type Source } from "mediabunny";
import { downmixToMono } from "../../engines/audio/packet-decoder";
import { TARGET_SAMPLE_RATE, type SourceAudioInfo } from "../../engines/audio/pcm-types";
import { concatFloat32 } from "../../engines/audio/join-arrays";
import { SincResampler } from "../../engines/audio/sinc-resampler";
import type { WorkerFailure } from "./decode-messages";

/** 16 kHz samples per block handed on (5 s: few messages, little memory). */
const BLOCK_SAMPLES = 5 * TARGET_SAMPLE_RATE;

/** Containers whose index gives the exact end cheaply (ADTS and MP3 would need a scan of the whole file). */
const CONTAINERS_WITH_END = new Set(["MP4", "QuickTime File Format", "Ogg"]);

export class DecodeFailure extends Error {
  constructor(
    readonly code: WorkerFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The recording as 16 kHz mono blocks; `onInfo` hears what the file holds before the first block. */
export async function* webCodecsPcm16kMono(source: Source, onInfo: (info: SourceAudioInfo) => void = () => undefined): AsyncGenerator<Float32Array> {
  const input = new Input({ formats: ALL_FORMATS, source });
  try {
    const format = await input.getFormat().catch((error: unknown) => {
      throw new DecodeFailure("unsupported-media", `Not a recognised audio file (${describe(error)}).`);
    });
    const track = await input.getPrimaryAudioTrack();
    if (!track) throw new DecodeFailure("corrupt-media", `The ${format.name} file holds no readable audio track; it may be truncated or not a recording at all.`);
    const info: SourceAudioInfo = { container: format.name, codec: (await track.getCodec()) ?? "unknown", sampleRate: await track.getSampleRate(), channels: await track.getNumberOfChannels() };
    onInfo(info);
    // WAV needs no WebCodecs (mediabunny reads PCM itself); compressed codecs do.
    if (!(await track.canDecode())) throw new DecodeFailure("unsupported-media", `This app's WebCodecs cannot decode ${info.codec} audio (${info.sampleRate} Hz, ${info.channels} channels).`);
    // MP4 (edit list) and Ogg (last granule position) say where the recording ends; the decoder
    // still outputs the last frame whole, so its padding is cut here.
    const endSec = CONTAINERS_WITH_END.has(format.name) ? await track.computeDuration() : Infinity;
    yield* resampledBlocks(new AudioSampleSink(track).samples(), info.codec, endSec);
  } catch (error) {
    if (error instanceof DecodeFailure) throw error;
    throw new DecodeFailure("corrupt-media", `The recording could not be decoded: ${describe(error)}.`);
  } finally {
    input.dispose();
  }
}

type DecodedSamples = ReturnType<AudioSampleSink["samples"]>;

async function* resampledBlocks(samples: DecodedSamples, codec: string, endSec: number): AsyncGenerator<Float32Array> {
  let resampler: SincResampler | undefined;
  let pending: Float32Array[] = [];
  let pendingLength = 0;
  const take = () => {
    const block = concatFloat32(pending);
    pending = [];
    pendingLength = 0;
    return block;
  };
  for await (const sample of samples) {
    let mono: Float32Array;
    let rate: number;
    try {
      rate = sample.sampleRate;
      mono = downmixToMono(planesOf(sample));
      // Encoder priming the container marks as before time 0 (an MP4 edit list, Ogg's first granule) is not part of the recording.
      const first = Math.round(sample.timestamp * rate);
      const end = Math.min(mono.length, Math.round(endSec * rate) - first);
      mono = mono.subarray(Math.min(Math.max(0, -first), mono.length), Math.max(0, end));
    } finally {
      sample.close();
    }
    if (mono.length === 0) continue;
    resampler ??= new SincResampler(rate, TARGET_SAMPLE_RATE);
    const out = resampler.process(mono);
    if (out.length === 0) continue;
    pending.push(out);
    pendingLength += out.length;
    if (pendingLength >= BLOCK_SAMPLES) yield take();
  }
  if (!resampler) throw new DecodeFailure("corrupt-media", `The recording contains no decodable ${codec} audio.`);
  const tail = resampler.flush();
  if (tail.length > 0) {
    pending.push(tail);
    pendingLength += tail.length;
  }
  if (pendingLength > 0) yield take();
}

function planesOf(sample: { numberOfChannels: number; numberOfFrames: number; copyTo(destination: Float32Array, options: { planeIndex: number; format: "f32-planar" }): void }): Float32Array[] {
  const planes: Float32Array[] = [];
  for (let c = 0; c < sample.numberOfChannels; c++) {
    const plane = new Float32Array(sample.numberOfFrames);
    sample.copyTo(plane, { planeIndex: c, format: "f32-planar" });
    planes.push(plane);
  }
  return planes;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
