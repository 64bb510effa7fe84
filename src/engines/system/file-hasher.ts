import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { ContentHasher } from "../../core/ports";

/** 1 MiB per read: hashing one chunk takes about a millisecond, so the UI thread is never held long. */
const CHUNK_BYTES = 1 << 20;

/**
 * SHA-256 of a file, read and hashed chunk by chunk with the event loop free between chunks
 * (hashing a 200 MiB recording in one call held Obsidian's renderer for ~230 ms).
 */
export const sha256FileHasher: ContentHasher = async (absPath) => {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(absPath, { highWaterMark: CHUNK_BYTES })) hash.update(chunk as Buffer);
  return hash.digest("hex");
};
