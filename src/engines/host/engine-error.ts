import type { EngineErrorCode } from "./protocol";

/** An error with a code the UI can act on and a message a user can read. */
export class EngineError extends Error {
  constructor(readonly code: EngineErrorCode, message: string) {
    super(message);
    this.name = "EngineError";
  }
}

/** The one way a stopped job ends. */
export const cancelledError = (message = "Cancelled."): EngineError => new EngineError("cancelled", message);

/** Throws the cancelled error when the signal says so (between the steps of a long job). */
export function throwIfCancelled(signal: AbortSignal | undefined, message?: string): void {
  if (signal?.aborted) throw cancelledError(message);
}

export function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  if (error instanceof Error && error.name === "AbortError") return cancelledError();
  const message = error instanceof Error ? error.message : String(error);
  return new EngineError("internal", message);
}
