/**
 * The format of the payload main.js carries after its code: the engine host, its workers and the
 * engines' WebAssembly, each compressed on its own and written as a base64 line comment, so the
 * renderer's JS parser only skips comment characters, and the engine host reads and decompresses
 * just the entries it needs straight from main.js's bytes (docs/architecture.md, "The payload").
 *
 *   <the plugin's code>
 *   //@bitacora-payload <base64 line of entry 1>
 *   …
 *   //@bitacora-payload-index <base64 of the JSON PayloadIndex>
 *   //@bitacora-payload-end <byte offset of the index line>
 */
export const ENTRY_PREFIX = "//@bitacora-payload ";
export const INDEX_PREFIX = "//@bitacora-payload-index ";
export const END_PREFIX = "//@bitacora-payload-end ";
/** The end line is short; reading this many bytes from the end of main.js always holds it. */
export const END_LINE_MAX_BYTES = 64;

export interface PayloadEntry {
  /** File name once extracted, e.g. "engine-host.js". */
  name: string;
  /** Byte offset in main.js of the entry's base64 text, and its length in bytes. */
  offset: number;
  length: number;
  /** Size and SHA-256 (hex) of the decompressed file. */
  size: number;
  sha256: string;
  compression: "br";
  /** Extracted before the host starts (the host itself and what it loads at once); the rest on first use. */
  eager: boolean;
}

export interface PayloadIndex {
  format: 1;
  /** Identifies this payload (a hash of its entries): the name of its cache folder. */
  id: string;
  entries: PayloadEntry[];
}
