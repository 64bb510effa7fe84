import { open } from "node:fs/promises";
import { fileTypeFromBuffer } from "file-type";

/** What a file's first bytes say it is, whatever its name says. */
export interface SniffedType {
  /** The usual extension for the content, e.g. "mp3" for an MP3 named ".wav". */
  ext: string;
  mime: string;
}

/** Enough for every container's signature file-type knows (its own recommended sample size). */
const SAMPLE_BYTES = 4100;

/**
 * Reads the start of a file and recognises its container by its magic bytes (file-type), so a
 * recording is read by what it holds, not by its extension (phones and chat apps rename freely).
 * Resolves undefined when no signature matches (text, a truncated header) or the file is missing.
 */
export async function sniffMediaType(absPath: string): Promise<SniffedType | undefined> {
  let handle;
  try {
    handle = await open(absPath, "r");
  } catch {
    return undefined;
  }
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(SAMPLE_BYTES), position: 0 });
    // MP3 files from some recorders start with a few bytes of padding before the first frame.
    const found = await fileTypeFromBuffer(buffer.subarray(0, bytesRead), { mpegOffsetTolerance: 10 });
    return found ? { ext: found.ext, mime: found.mime } : undefined;
  } finally {
    await handle.close();
  }
}

/** A container that holds sound (video containers included: phones record voice notes as MP4/WebM). */
export const holdsSound = (type: SniffedType) => type.mime.startsWith("audio/") || type.mime.startsWith("video/");
