import type { EngineErrorCode } from "./protocol";

/** An error with a code the UI can act on and a message a user can read. */
export class EngineError extends Error {
  constructor(readonly code: EngineErrorCode, message: string) {
    super(message);
    this.name = "EngineError";
  }
}

export function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  if (error instanceof Error && error.name === "AbortError") return new EngineError("cancelled", "Cancelled.");
  const message = error instanceof Error ? error.message : String(error);
  return new EngineError("internal", message);
}
