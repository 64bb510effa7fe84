import { createHash } from "node:crypto";
import type { Clock, ContentHasher } from "../../core/ports";

export const nodeClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error("aborted"));
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new Error("aborted"));
      }, { once: true });
    }),
};

export const sha256Hasher: ContentHasher = async (bytes) => createHash("sha256").update(bytes).digest("hex");
