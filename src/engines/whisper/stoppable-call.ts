import { EngineError, cancelledError } from "../host/engine-error";
import { WHISPER_SAMPLE_RATE, type WhisperResult, type WhisperTranscribeOptions } from "./whisper-port";

export interface StoppableCall<T> {
  promise: Promise<T>;
  /** Asks the native side to stop; the promise still settles when it really has. */
  stop(): void;
}

/**
 * Runs a native Whisper call that can be asked to stop (cancel, or the job's time limit, which the
 * engine client enforces by aborting the signal). Settles only
 * once the native call has ended (so the model is free for the next chunk) and then fails with
 * the reason it was stopped. The engine client kills the host when that takes too long.
 */
export async function runStoppable<T>(
  call: StoppableCall<T>,
  options: { signal?: AbortSignal },
): Promise<T> {
  const stopped: { reason?: EngineError } = {};
  const stop = (reason: EngineError) => {
    if (stopped.reason) return;
    stopped.reason = reason;
    call.stop();
  };
  const onAbort = () => stop(cancelledError());
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const result = await call.promise.catch((error: unknown) => {
      throw stopped.reason ?? new EngineError("internal", `whisper.cpp failed: ${(error as Error).message ?? String(error)}`);
    });
    if (stopped.reason) throw stopped.reason;
    return result;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** whisper.cpp reports 0..100, and more than 100 on the padded last window: the caller gets 0..1. */
export function percentProgress(options: WhisperTranscribeOptions): (percent: number) => void {
  return (percent) => options.onProgress?.(Math.min(Math.max(percent / 100, 0), 1));
}

/** One call of Bitácora's own whisper.cpp bindings (the addon and the WebAssembly build): times in ms. */
export interface MsTranscriptionCall {
  promise: Promise<{ aborted: boolean; language: string; segments: Array<{ startMs: number; endMs: number; text: string; noSpeechProb?: number }> }>;
  abort(): void;
}

/** Waits for such a call (stoppable) and returns its segments in seconds, clamped to the `samples` given. */
export async function finishMsTranscription(job: MsTranscriptionCall, samples: number, options: WhisperTranscribeOptions): Promise<WhisperResult> {
  const result = await runStoppable({ promise: job.promise, stop: () => job.abort() }, options);
  if (result.aborted) throw cancelledError();
  options.onProgress?.(1);
  const duration = samples / WHISPER_SAMPLE_RATE;
  return {
    language: result.language || undefined,
    segments: result.segments.map((segment) => ({
      start: segment.startMs / 1000,
      end: Math.min(segment.endMs / 1000, duration),
      text: segment.text,
      noSpeechProb: segment.noSpeechProb,
    })),
  };
}
