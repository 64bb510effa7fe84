/**
 * Prosody frames of a recording, measured while the shared audio engine streams it as
 * 16 kHz mono PCM (every accepted format: webm/opus, m4a, mp3, wav, ogg, flac). Memory
 * stays flat for long recordings: no whole-file PCM buffer is kept.
 */
import { FrameAnalyser, type FrameTracks } from "../../core/emotion/frame-analyser";
import { streamPcm16kMono, TARGET_SAMPLE_RATE } from "../audio";

export type { FrameTracks };

export async function measureRecording(absPath: string, signal?: AbortSignal, onDecodedSec?: (sec: number) => void): Promise<FrameTracks> {
  const analyser = new FrameAnalyser(TARGET_SAMPLE_RATE);
  for await (const block of streamPcm16kMono(absPath, { signal })) {
    analyser.push(block.samples);
    onDecodedSec?.(block.startSec + block.samples.length / TARGET_SAMPLE_RATE);
  }
  return analyser.finish();
}
