/**
 * Decoding in the portable engine host (no native code): the same streaming decoder as
 * node-audio-decoder.ts with portable-codecs.ts, in the calling thread (the host runs one job at
 * a time in its own process; a hung demuxer is ended by the host's job timeout and restart).
 */
import { collectPcm16kMono } from "./collect-pcm";
import type { DecodedPcm, PcmBlock } from "./pcm-types";
import { streamWithCodecs } from "./pcm-stream";
import { portableCodecs } from "./portable-codecs";
import type { StreamOptions } from "./stream-options";

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export function streamPortablePcm16kMono(source: string | Uint8Array, options: StreamOptions = {}): AsyncGenerator<PcmBlock> {
  return streamWithCodecs(source, portableCodecs, options);
}

export function decodePortablePcm16kMono(source: string | Uint8Array, options: Omit<StreamOptions, "onSourceInfo" | "batchSec"> = {}): Promise<DecodedPcm> {
  return collectPcm16kMono((signal, onSourceInfo) => streamPortablePcm16kMono(source, { ...options, signal, onSourceInfo }), options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}
