import { FrameAnalyser, type FrameTracks } from "../../core/emotion/frame-analyser";
import { TARGET_SAMPLE_RATE, type PcmBlock } from "../audio/pcm-types";

export type { FrameTracks };

/** Opens a recording as 16 kHz mono blocks (the native or the portable decoder). */
export type PcmStreamOpener = (absPath: string, options: { signal?: AbortSignal }) => AsyncIterable<PcmBlock>;

/**
 * Prosody frames of a recording, measured while the given decoder streams it as 16 kHz mono PCM.
 * Memory stays flat for long recordings: no whole-file PCM buffer is kept.
 */
export function frameMeter(open: PcmStreamOpener) {
  return async (absPath: string, signal?: AbortSignal, onDecodedSec?: (sec: number) => void): Promise<FrameTracks> => {
    const analyser = new FrameAnalyser(TARGET_SAMPLE_RATE);
    for await (const block of open(absPath, { signal })) {
      analyser.push(block.samples);
      onDecodedSec?.(block.startSec + block.samples.length / TARGET_SAMPLE_RATE);
    }
    return analyser.finish();
  };
}
