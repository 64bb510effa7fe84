import { withDeadline } from "./decode-guard";
import { TARGET_SAMPLE_RATE, type DecodedPcm, type PcmBlock, type SourceAudioInfo } from "./pcm-types";
import { concatFloat32 } from "./join-arrays";

/** Collects a 16 kHz stream into one buffer under an overall deadline (either decoder). */
export async function collectPcm16kMono(
  open: (signal: AbortSignal, onSourceInfo: (info: SourceAudioInfo) => void) => AsyncIterable<PcmBlock>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<DecodedPcm> {
  const deadline = withDeadline(signal, timeoutMs, "Decoding the recording");
  try {
    const blocks: Float32Array[] = [];
    let info: SourceAudioInfo | undefined;
    for await (const block of open(deadline.signal, (i) => (info = i))) blocks.push(block.samples);
    const samples = concatFloat32(blocks);
    return { samples, sampleRate: TARGET_SAMPLE_RATE, durationSec: samples.length / TARGET_SAMPLE_RATE, source: info! };
  } finally {
    deadline.dispose();
  }
}
