import { EngineError, cancelledError } from "../host/engine-error";

/**
 * Races one step of a decode against cancellation and a stall timeout, so a damaged file
 * that makes a decoder wait forever ends with an error instead of a hang.
 */
export async function guardStep<T>(step: Promise<T>, signal: AbortSignal | undefined, stallTimeoutMs: number, what: string): Promise<T> {
  throwIfAborted(signal);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new EngineError("timeout", `Decoding stopped: ${what} took longer than ${Math.round(stallTimeoutMs / 1000)} s.`)),
      stallTimeoutMs,
    );
    onAbort = () => reject(abortReason(signal));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([step, stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/** A signal that aborts when the caller's does or when `timeoutMs` passes (reason: a timeout EngineError). */
export function withDeadline(signal: AbortSignal | undefined, timeoutMs: number, what: string): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new EngineError("timeout", `${what} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`)),
    timeoutMs,
  );
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forward);
    },
  };
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof EngineError) return reason;
  return cancelledError("Decoding was cancelled.");
}
