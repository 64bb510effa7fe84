/**
 * Appends the payload to a built main.js (used by esbuild.config.mjs at build time). Brotli at its
 * highest quality: a smaller main.js is what every Obsidian start pays for, the build pays once.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { END_PREFIX, ENTRY_PREFIX, INDEX_PREFIX, type PayloadEntry, type PayloadIndex } from "./payload-format";

export interface PayloadFile {
  name: string;
  bytes: Uint8Array;
  eager: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function compress(bytes: Uint8Array): Buffer {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/**
 * Brotli at its best quality takes minutes for tens of MB of WebAssembly: with a cache folder,
 * each distinct file is compressed once (keyed by its SHA-256), so rebuilds stay fast.
 */
function compressCached(bytes: Uint8Array, hash: string, cacheDir?: string): Buffer {
  // Small files (the host itself, rebuilt every time) compress in milliseconds: not worth a cache entry.
  if (!cacheDir || bytes.length < 1 << 20) return compress(bytes);
  const cached = path.join(cacheDir, `${hash}.br`);
  if (existsSync(cached)) return readFileSync(cached);
  const compressed = compress(bytes);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${cached}.tmp`, compressed);
  renameSync(`${cached}.tmp`, cached);
  return compressed;
}

/** Returns main.js's code followed by the payload comment lines. */
export function appendPayload(code: Buffer, files: PayloadFile[], cacheDir?: string): Buffer {
  const names = new Set<string>();
  for (const file of files) {
    if (!/^[\w.-]+$/.test(file.name) || names.has(file.name)) throw new Error(`bad or repeated payload entry name: ${file.name}`);
    names.add(file.name);
  }
  const parts: Buffer[] = [code];
  let offset = code.length;
  const push = (text: string) => {
    const bytes = Buffer.from(text, "latin1");
    parts.push(bytes);
    offset += bytes.length;
  };
  if (!code.subarray(-1).equals(Buffer.from("\n"))) push("\n");
  const entries: PayloadEntry[] = [];
  for (const file of files) {
    const hash = sha256(file.bytes);
    const base64 = compressCached(file.bytes, hash, cacheDir).toString("base64");
    push(ENTRY_PREFIX);
    entries.push({ name: file.name, offset, length: base64.length, size: file.bytes.length, sha256: hash, compression: "br", eager: file.eager });
    push(`${base64}\n`);
  }
  const id = sha256(Buffer.from(JSON.stringify(entries.map(({ name, sha256: hash }) => [name, hash])))).slice(0, 16);
  const index: PayloadIndex = { format: 1, id, entries };
  const indexOffset = offset;
  push(`${INDEX_PREFIX}${Buffer.from(JSON.stringify(index)).toString("base64")}\n`);
  push(`${END_PREFIX}${indexOffset}\n`);
  return Buffer.concat(parts);
}
