import { energySpeechProbabilities, frameLevelDb } from "../../core/audio/energy-speech";
import { speechSegmentsFromProbabilities } from "../../core/audio/speech-segments";
import { TARGET_SAMPLE_RATE, type PcmBlock } from "./pcm-types";
import type { SpeechDetection } from "./detect-speech";

/** 32 ms at 16 kHz, Silero's frame, so chunking at pauses sees the same resolution. */
const FRAME_SAMPLES = 512;

/** Speech regions of a streamed 16 kHz mono recording by loudness (see core/audio/energy-speech). */
export async function detectSpeechByEnergy(blocks: AsyncIterable<PcmBlock> | Iterable<PcmBlock>, signal?: AbortSignal): Promise<SpeechDetection> {
  const levels: number[] = [];
  let carry = new Float32Array(0);
  let samples = 0;
  for await (const block of blocks) {
    signal?.throwIfAborted();
    samples += block.samples.length;
    const data = carry.length ? joined(carry, block.samples) : block.samples;
    let at = 0;
    for (; at + FRAME_SAMPLES <= data.length; at += FRAME_SAMPLES) levels.push(frameLevelDb(data, at, at + FRAME_SAMPLES));
    carry = data.slice(at);
  }
  if (carry.length) levels.push(frameLevelDb(carry, 0, carry.length));
  const frameSec = FRAME_SAMPLES / TARGET_SAMPLE_RATE;
  const durationSec = samples / TARGET_SAMPLE_RATE;
  const probabilities = energySpeechProbabilities(levels);
  return { segments: speechSegmentsFromProbabilities(probabilities, frameSec, durationSec), probabilities, frameSec, durationSec };
}

function joined(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
