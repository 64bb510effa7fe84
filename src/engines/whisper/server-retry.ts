/**
 * When and how long to wait before asking the server again. Delays grow (2 s, 8 s, 30 s by
 * default) so a restarting server or a laptop waking on Wi-Fi gets time; a server that asks
 * for a wait (Retry-After) gets it, up to a minute.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  delaysMs: readonly number[];
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, delaysMs: [2000, 8000, 30000], maxRetryAfterMs: 60000 };

/** Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfterSec?: number): number {
  const planned = policy.delaysMs[Math.min(attempt - 1, policy.delaysMs.length - 1)] ?? 0;
  if (retryAfterSec === undefined) return planned;
  return Math.min(Math.max(planned, retryAfterSec * 1000), policy.maxRetryAfterMs);
}

/** Resolves after `ms`, or rejects at once when the job is cancelled. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const timerSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("cancelled"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("cancelled"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
