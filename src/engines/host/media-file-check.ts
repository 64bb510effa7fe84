import { stat } from "node:fs/promises";
import { EMPTY_FILE_MESSAGE, MISSING_FILE_MESSAGE } from "../../core/queue/error-codes";
import { EngineError } from "./engine-error";

/** Fails early, with a reason a user understands, when the file is gone or empty. */
export async function checkReadableMedia(absPath: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(absPath)).size;
  } catch {
    throw new EngineError("missing-file", MISSING_FILE_MESSAGE);
  }
  if (size === 0) throw new EngineError("empty-file", EMPTY_FILE_MESSAGE);
}
