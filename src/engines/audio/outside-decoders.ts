/**
 * What the portable engine host does with a codec it has no WebAssembly decoder for (AAC in
 * m4a/mp4/.aac, Ogg Vorbis), in order: Obsidian's own decoder (WebCodecs in the renderer, asked
 * over IPC; it writes a 16 kHz WAV), else the ffmpeg the user installed, else a clear error naming
 * the format and what to do. Why: docs/audio-decoding.md, "AAC and Vorbis in the plugin".
 */
import { EngineError } from "../host/engine-error";
import { ffmpegPcm16kMono, findFfmpeg } from "./ffmpeg-pcm";
import type { PcmBlock, SourceAudioInfo } from "./pcm-types";
import { TARGET_SAMPLE_RATE } from "./pcm-types";
import { processWavDecoder, type WavDecoderPort } from "./wav-decoder-port";

export interface OutsideBlocks {
  rate: number;
  blocks: AsyncIterable<Float32Array>;
}

export interface OutsideDecoders {
  renderer?: WavDecoderPort;
  ffmpeg?: string;
}

const CODEC_NAMES: Record<string, string> = { aac: "AAC", vorbis: "Vorbis" };

/**
 * 16 kHz mono blocks of a recording from the first outside decoder that takes it. `readWav` streams
 * the renderer's WAV (pcm-stream.ts passes itself, WAV being a format the portable host reads).
 */
export async function decodeOutside(
  info: SourceAudioInfo,
  absPath: string,
  readWav: (wavPath: string, signal?: AbortSignal) => AsyncIterable<PcmBlock>,
  signal?: AbortSignal,
  decoders: OutsideDecoders = { renderer: processWavDecoder(), ffmpeg: findFfmpeg() },
): Promise<OutsideBlocks> {
  const format = `${CODEC_NAMES[info.codec] ?? info.codec} audio in this ${info.container} file`;
  let rendererFailure = "";
  if (decoders.renderer) {
    try {
      const wav = await decoders.renderer.toWav(absPath, signal);
      return { rate: TARGET_SAMPLE_RATE, blocks: samplesOf(readWav(wav, signal)) };
    } catch (error) {
      if (error instanceof EngineError && error.code === "cancelled") throw error;
      rendererFailure = ` Obsidian's own decoder could not read it (${error instanceof Error ? error.message : String(error)}).`;
    }
  }
  if (decoders.ffmpeg) return { rate: TARGET_SAMPLE_RATE, blocks: ffmpegPcm16kMono(decoders.ffmpeg, absPath, signal) };
  throw new EngineError(
    "unsupported-media",
    `The ${format} cannot be decoded by the built-in engines.${rendererFailure} Install ffmpeg (Bitácora finds it on PATH, Homebrew, winget or scoop), or convert the recording to WebM/Opus, MP3 or WAV.`,
  );
}

async function* samplesOf(blocks: AsyncIterable<PcmBlock>): AsyncGenerator<Float32Array> {
  for await (const block of blocks) yield block.samples;
}
