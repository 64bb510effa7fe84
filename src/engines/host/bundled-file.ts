import { existsSync } from "node:fs";
import path from "node:path";
import { currentPayload, PayloadCache } from "../payload/payload-reader";
import type { PayloadLocation } from "./protocol";

/** The payload of a main.js, or undefined when there is no such file or it carries none (a development build). */
function payloadAt(location: PayloadLocation | undefined): PayloadCache | undefined {
  if (!location || !existsSync(location.mainJs)) return undefined;
  try {
    return new PayloadCache(location.mainJs, location.cacheRoot);
  } catch {
    return undefined;
  }
}

/**
 * Where a file the build bundled is: extracted from main.js's payload (the host's own, else the
 * one the plugin names, for a native pack), else the repository's assets/ folder beside dist/
 * (the CLI, tests).
 */
export function bundledFile(name: string, hostDir: string, payload?: PayloadLocation): string {
  for (const cache of [currentPayload(), payloadAt(payload)]) if (cache?.names.includes(name)) return cache.file(name);
  const beside = path.join(hostDir, "..", "assets", name);
  if (existsSync(beside)) return beside;
  throw new Error(`The engines carry no ${name}: reinstall the plugin's main.js from a release.`);
}
