import type { DecodeOptions, SourceAudioInfo } from "./pcm-types";

export interface StreamOptions extends DecodeOptions {
  /** Called once, before the first block, with what the file holds. */
  onSourceInfo?(info: SourceAudioInfo): void;
  /** Media seconds decoded per step (default 10). Blocks are about this long. */
  batchSec?: number;
  /**
   * "worker" runs the decoder in a worker thread that is terminated on timeout or cancel (needs the
   * bundled audio-decode-worker.js); "in-thread" runs it here. Default: worker when its script is found.
   */
  isolation?: "worker" | "in-thread";
  /** Path of the bundled worker script (default: audio-decode-worker.js next to the running bundle). */
  workerScript?: string;
}
