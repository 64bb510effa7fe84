import { EngineError, cancelledError } from "../host/engine-error";

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
