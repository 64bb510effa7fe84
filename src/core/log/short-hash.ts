/** FNV-1a, 32 bits, as 8 hex digits: enough to notice that a user edited generated text. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** The hash a block's end marker holds: of the block's text after a blank line, with LF endings. */
export function blockHash(blockText: string): string {
  const text = `\n${blockText}`;
  return shortHash(text.includes("\r") ? text.replace(/\r\n/g, "\n") : text);
}
