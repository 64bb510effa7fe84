/** Joins the parts into one new array of their kind, in order. */
function joined<T extends Float32Array | Uint8Array>(parts: readonly T[], make: (length: number) => T): T {
  const out = make(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export const concatFloat32 = (parts: readonly Float32Array[]): Float32Array => joined(parts, (length) => new Float32Array(length));

export const concatBytes = (parts: readonly Uint8Array[]): Uint8Array => joined(parts, (length) => new Uint8Array(length));
