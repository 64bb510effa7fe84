/**
 * Decodes an audio file to 16 kHz mono Float32 PCM for prosody analysis.
 * Interim: uses node-web-audio-api's decoder (WAV, MP3, Ogg, FLAC…) until the shared
 * audio engine (src/engines/audio) is wired in.
 */
import { readFile } from "node:fs/promises";

export const ANALYSIS_SAMPLE_RATE = 16000;

export interface DecodedPcm {
  samples: Float32Array;
  sampleRate: number;
}

export async function decodeToMonoPcm(absPath: string): Promise<DecodedPcm> {
  const { OfflineAudioContext } = await import("node-web-audio-api");
  const bytes = await readFile(absPath);
  const context = new OfflineAudioContext(1, ANALYSIS_SAMPLE_RATE, ANALYSIS_SAMPLE_RATE);
  const buffer = await context.decodeAudioData(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const channels = buffer.numberOfChannels;
  const samples = new Float32Array(buffer.length);
  for (let c = 0; c < channels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0; i < samples.length; i++) samples[i] += data[i] / channels;
  }
  return { samples, sampleRate: buffer.sampleRate };
}
