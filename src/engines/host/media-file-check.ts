import { stat } from "node:fs/promises";
import { EngineError } from "./engine-error";

/** Fails early, with a reason a user understands, when the file is gone or empty. */
export async function checkReadableMedia(absPath: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(absPath)).size;
  } catch {
    throw new EngineError("missing-file", "The file no longer exists (it was moved, renamed or deleted).");
  }
  if (size === 0) throw new EngineError("empty-file", "The file is empty (0 bytes).");
}
