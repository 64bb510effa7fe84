import { speechSegmentsFromProbabilities, type SpeechSegment, type SpeechSegmentOptions } from "../../core/audio/speech-segments";
import { concatFloat32 } from "./join-arrays";
import { TARGET_SAMPLE_RATE, type PcmBlock } from "./pcm-types";
import type { SileroVad } from "./silero-vad";

export interface DetectSpeechOptions extends SpeechSegmentOptions {
  /** The session to use, on either ONNX backend; it is reset, not disposed, so it serves many recordings. */
  vad: SileroVad;
  signal?: AbortSignal;
}

export interface SpeechDetection {
  /** Speech in recording seconds, padded and merged; empty for silence or room noise. */
  segments: SpeechSegment[];
  /** Silero's speech probability per frame (32 ms by default), for chunking long speech at its quietest point. */
  probabilities: Float32Array;
  frameSec: number;
  durationSec: number;
}

/** Runs Silero VAD over a whole 16 kHz mono recording. */
export async function detectSpeech(pcm: Float32Array, options: DetectSpeechOptions): Promise<SpeechDetection> {
  return detectSpeechInBlocks(singleBlock(pcm), options);
}

/** Same as detectSpeech, fed block by block (e.g. from streamPcm16kMono) so a long recording never sits in memory whole. */
export async function detectSpeechInBlocks(blocks: AsyncIterable<PcmBlock> | Iterable<PcmBlock>, options: DetectSpeechOptions): Promise<SpeechDetection> {
  const { vad } = options;
  vad.reset();
  const parts: Float32Array[] = [];
  let samples = 0;
  for await (const block of blocks) {
    samples += block.samples.length;
    parts.push(await vad.process(block.samples, options.signal));
  }
  parts.push(await vad.flush());
  const probabilities = concatFloat32(parts);
  const durationSec = samples / TARGET_SAMPLE_RATE;
  const segments = speechSegmentsFromProbabilities(probabilities, vad.frameSec, durationSec, options);
  return { segments, probabilities, frameSec: vad.frameSec, durationSec };
}

function* singleBlock(pcm: Float32Array): Iterable<PcmBlock> {
  yield { startSec: 0, samples: pcm };
}

