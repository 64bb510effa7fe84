/**
 * Decoded audio for prosody: the shared audio engine's 16 kHz mono PCM (every format the
 * plugin accepts: webm/opus, m4a, mp3, wav, ogg, flac).
 */
import { decodeToPcm16kMono } from "../audio";

export interface DecodedPcm {
  samples: Float32Array;
  sampleRate: number;
}

export async function decodeToMonoPcm(absPath: string, signal?: AbortSignal): Promise<DecodedPcm> {
  const { samples, sampleRate } = await decodeToPcm16kMono(absPath, { signal });
  return { samples, sampleRate };
}
