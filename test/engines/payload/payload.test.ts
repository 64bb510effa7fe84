/** The payload main.js carries: written at build time, read back by the engine host, entry by entry. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { appendPayload } from "../../../src/engines/payload/payload-writer";
import { PayloadCache, readPayloadIndex } from "../../../src/engines/payload/payload-reader";
import { engineCacheRoot } from "../../../src/engines/payload/cache-root";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "bitacora-payload ñ "))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const code = Buffer.from('"use strict";\nmodule.exports = { loaded: true };');
const host = Buffer.from("process.send?.({ type: 'ready' });\n".repeat(200));
const wasm = Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 7919) % 251));

function writeMain(): string {
  const mainJs = path.join(dir, "main.js");
  writeFileSync(mainJs, appendPayload(code, [
    { name: "engine-host.js", bytes: host, eager: true },
    { name: "engine.wasm", bytes: wasm, eager: false },
  ]));
  return mainJs;
}

test("main.js stays valid JavaScript that evaluates exactly as before, the payload being comments", () => {
  const text = readFileSync(writeMain(), "utf8");
  const module = { exports: {} as Record<string, unknown> };
  new Function("module", text)(module);
  expect(module.exports).toEqual({ loaded: true });
  // Plain ASCII: the renderer reads it as a one-byte string, nothing is lost to UTF-8 decoding.
  expect([...text].every((char) => char.charCodeAt(0) < 128)).toBe(true);
});

test("the host extracts only what it asks for, byte for byte, into a folder named after the payload", () => {
  const mainJs = writeMain();
  const cacheRoot = path.join(dir, "cache");
  const cache = new PayloadCache(mainJs, cacheRoot);
  cache.extractEager();
  expect(readdirSync(cache.dir)).toEqual(["engine-host.js"]);
  expect(readFileSync(path.join(cache.dir, "engine-host.js"))).toEqual(host);
  expect(readFileSync(cache.file("engine.wasm"))).toEqual(wasm);
  expect(path.basename(cache.dir)).toBe(readPayloadIndex(mainJs).id);
  // A second host finds the files in place and writes nothing.
  const before = statSync(path.join(cache.dir, "engine.wasm")).mtimeMs;
  new PayloadCache(mainJs, cacheRoot).file("engine.wasm");
  expect(statSync(path.join(cache.dir, "engine.wasm")).mtimeMs).toBe(before);
});

test("another build gets another cache folder; the same build the same one", () => {
  const first = readPayloadIndex(writeMain()).id;
  expect(readPayloadIndex(writeMain()).id).toBe(first);
  writeFileSync(path.join(dir, "other.js"), appendPayload(code, [{ name: "engine-host.js", bytes: Buffer.from("changed"), eager: true }]));
  expect(readPayloadIndex(path.join(dir, "other.js")).id).not.toBe(first);
});

test("a main.js without payload, or with a damaged entry, is a clear error and nothing is extracted", () => {
  writeFileSync(path.join(dir, "plain.js"), code);
  expect(() => readPayloadIndex(path.join(dir, "plain.js"))).toThrow(/carries no engine payload/);
  const mainJs = writeMain();
  const entry = readPayloadIndex(mainJs).entries[1];
  const bytes = readFileSync(mainJs);
  // Flip one base64 letter in the middle of the WASM entry.
  const at = entry.offset + Math.floor(entry.length / 2);
  bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
  writeFileSync(mainJs, bytes);
  const cache = new PayloadCache(mainJs, path.join(dir, "cache"));
  expect(() => cache.file("engine.wasm")).toThrow(/(damaged|Decompression failed)/);
  expect(() => cache.file("missing.wasm")).toThrow(/has no missing.wasm/);
  expect(readFileSync(cache.file("engine-host.js"))).toEqual(host);
});

test("the cache lives in each platform's per-user cache folder, outside any vault", () => {
  expect(engineCacheRoot({}, "linux", "/home/ana")).toBe("/home/ana/.cache/bitacora/engine");
  expect(engineCacheRoot({ XDG_CACHE_HOME: "/x/cache" }, "linux", "/home/ana")).toBe("/x/cache/bitacora/engine");
  expect(engineCacheRoot({}, "darwin", "/Users/ana")).toBe("/Users/ana/Library/Caches/Bitacora/engine");
  expect(engineCacheRoot({ LOCALAPPDATA: "C:\\Users\\José Pérez\\AppData\\Local" }, "win32", "C:\\Users\\José Pérez")).toBe(
    "C:\\Users\\José Pérez\\AppData\\Local\\Bitacora\\Cache\\engine",
  );
});
