import { EngineError } from "../host/engine-error";
import { DECODE_WORKER_FILE, findDecodeWorkerScript, streamPcm16kMonoInWorker } from "./isolated-decoder";
import { collectPcm16kMono } from "./collect-pcm";
import { nativeCodecs } from "./native-codecs";
import type { DecodedPcm, PcmBlock } from "./pcm-types";
import { streamWithCodecs } from "./pcm-stream";
import type { StreamOptions } from "./stream-options";

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export type { StreamOptions } from "./stream-options";

/**
 * Decodes any accepted recording to 16 kHz mono blocks, reading the file piece by piece.
 * Runs in a worker thread (killable if a demuxer hangs on a damaged file) when the bundled
 * worker script is found next to the running bundle, otherwise in this thread.
 */
export function streamPcm16kMono(source: string | Uint8Array, options: StreamOptions = {}): AsyncGenerator<PcmBlock> {
  if (options.isolation === "in-thread") return streamPcm16kMonoInThread(source, options);
  const script = options.workerScript ?? findDecodeWorkerScript();
  if (script) return streamPcm16kMonoInWorker(source, script, options);
  if (options.isolation === "worker") throw new EngineError("internal", `The audio decoder worker (${DECODE_WORKER_FILE}) is missing next to the engine bundle.`);
  return streamPcm16kMonoInThread(source, options);
}

/**
 * The decoder itself, in the calling thread, with the native codecs (symphonia for AAC, MP3,
 * FLAC and Vorbis; libopus in WebAssembly). Memory stays flat except for Ogg Vorbis.
 */
export function streamPcm16kMonoInThread(source: string | Uint8Array, options: StreamOptions = {}): AsyncGenerator<PcmBlock> {
  return streamWithCodecs(source, nativeCodecs, options);
}

/** Decodes a whole recording into one 16 kHz mono buffer (fine up to a few hours: 1 h ≈ 230 MB). */
export function decodeToPcm16kMono(source: string | Uint8Array, options: Omit<StreamOptions, "onSourceInfo" | "batchSec"> = {}): Promise<DecodedPcm> {
  return collectPcm16kMono((signal, onSourceInfo) => streamPcm16kMono(source, { ...options, signal, onSourceInfo }), options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}
