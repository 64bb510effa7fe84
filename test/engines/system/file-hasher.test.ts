/** The attachment hash is streamed: the same digest as hashing the bytes at once, with the event loop free between chunks. */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sha256FileHasher } from "../../../src/engines/system/file-hasher";

test("a 24 MiB file: the digest of its bytes, and other work runs while it is hashed", async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "bitacora-hash-")), "recording.m4a");
  const bytes = randomBytes(24 << 20);
  writeFileSync(file, bytes);
  // Counts turns of the event loop that happen while hashing (a one-shot hash would allow none).
  let turns = 0;
  let hashing = true;
  const tick = () => {
    turns++;
    if (hashing) setImmediate(tick);
  };
  setImmediate(tick);
  const digest = await sha256FileHasher(file);
  hashing = false;
  expect(digest).toBe(createHash("sha256").update(bytes).digest("hex"));
  // 24 chunks of 1 MiB: the loop turns at least once between most of them.
  expect(turns).toBeGreaterThanOrEqual(12);
});

test("a missing file rejects (the queue treats it as gone)", async () => {
  await expect(sha256FileHasher("/nonexistent/recording.m4a")).rejects.toThrow();
});
