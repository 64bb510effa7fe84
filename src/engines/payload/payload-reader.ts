/**
 * Reads the payload out of main.js in the engine host (never in Obsidian's renderer): only the
 * index and the entries asked for are read from the file, decompressed, checked against their
 * SHA-256 and written to a per-payload cache folder with a temp-file-and-rename, so two engine
 * hosts (two vaults) extracting at once never see half a file.
 */
import { createHash, randomUUID } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { END_LINE_MAX_BYTES, END_PREFIX, INDEX_PREFIX, type PayloadEntry, type PayloadIndex } from "./payload-format";

function readRange(file: string, offset: number, length: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const read = readSync(fd, buffer, done, length - done, offset + done);
      if (read === 0) break;
      done += read;
    }
    return buffer.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** The payload index at the end of main.js; a clear error when main.js carries none. */
export function readPayloadIndex(mainJs: string): PayloadIndex {
  const size = statSync(mainJs).size;
  const tailStart = Math.max(0, size - END_LINE_MAX_BYTES);
  const tail = readRange(mainJs, tailStart, size - tailStart).toString("latin1");
  const endAt = tail.lastIndexOf(END_PREFIX);
  const indexOffset = endAt < 0 ? NaN : Number(tail.slice(endAt + END_PREFIX.length).trim());
  if (!Number.isSafeInteger(indexOffset) || indexOffset < 0 || indexOffset >= size) {
    throw new Error(`${mainJs} carries no engine payload: reinstall the plugin's main.js from a release.`);
  }
  const indexLine = readRange(mainJs, indexOffset, tailStart + endAt - indexOffset).toString("latin1");
  if (!indexLine.startsWith(INDEX_PREFIX)) throw new Error(`${mainJs} has a damaged engine payload index.`);
  const index = JSON.parse(Buffer.from(indexLine.slice(INDEX_PREFIX.length).trim(), "base64").toString("utf8")) as PayloadIndex;
  if (index.format !== 1) throw new Error(`${mainJs} has an engine payload of unknown format ${String(index.format)}.`);
  return index;
}

/** Decompresses one entry from main.js and checks it is exactly what the build put there. */
export function readPayloadEntry(mainJs: string, entry: PayloadEntry): Buffer {
  const compressed = Buffer.from(readRange(mainJs, entry.offset, entry.length).toString("latin1"), "base64");
  const bytes = brotliDecompressSync(compressed);
  const hash = createHash("sha256").update(bytes).digest("hex");
  if (bytes.length !== entry.size || hash !== entry.sha256) {
    throw new Error(`The engine payload entry ${entry.name} in ${mainJs} is damaged: reinstall the plugin's main.js.`);
  }
  return bytes;
}

export class PayloadCache {
  readonly dir: string;
  private readonly entries: Map<string, PayloadEntry>;

  constructor(
    private readonly mainJs: string,
    cacheRoot: string,
    index: PayloadIndex = readPayloadIndex(mainJs),
  ) {
    this.dir = path.join(cacheRoot, index.id);
    this.entries = new Map(index.entries.map((entry) => [entry.name, entry]));
  }

  get names(): string[] {
    return [...this.entries.keys()];
  }

  /** Path of the extracted entry, extracting it on first use (a file of the right size is trusted: the folder is per payload). */
  file(name: string): string {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`The engine payload has no ${name}.`);
    const target = path.join(this.dir, name);
    if (existsSync(target) && statSync(target).size === entry.size) return target;
    const bytes = readPayloadEntry(this.mainJs, entry);
    mkdirSync(this.dir, { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, target);
    return target;
  }

  /** Extracts what the host needs at start. */
  extractEager(): void {
    for (const entry of this.entries.values()) if (entry.eager) this.file(entry.name);
  }
}

/** The environment variable through which the bootstrap tells the host where the payload is. */
export const PAYLOAD_ENV = "BITACORA_PAYLOAD";

/** In the engine host: the payload it was started from, or undefined when it runs from dist/ (CLI, tests). */
export function currentPayload(env: NodeJS.ProcessEnv = process.env): PayloadCache | undefined {
  const spec = env[PAYLOAD_ENV];
  if (!spec) return undefined;
  const { mainJs, cacheRoot } = JSON.parse(spec) as { mainJs: string; cacheRoot: string };
  return new PayloadCache(mainJs, cacheRoot);
}
