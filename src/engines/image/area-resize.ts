/**
 * Pixel work for the WebAssembly photo path (sharp does this natively in the CLI): area-average
 * resizing (each output pixel is the mean of the source area it covers, which is what downscaling
 * for OCR wants: no aliasing of thin strokes), greyscale, and EXIF orientation.
 */

/** Rec. 601 luma, as sharp's greyscale uses. */
const R = 0.299;
const G = 0.587;
const B = 0.114;

interface Span {
  first: number;
  weights: Float32Array;
}

/** For each output index, the source indices it covers and how much of each (summing to 1). */
function spans(source: number, target: number): Span[] {
  const scale = source / target;
  const out: Span[] = [];
  for (let i = 0; i < target; i++) {
    const start = i * scale;
    const end = Math.min(source, start + scale);
    const first = Math.floor(start);
    const last = Math.max(first, Math.ceil(end) - 1);
    const weights = new Float32Array(last - first + 1);
    for (let s = first; s <= last; s++) weights[s - first] = (Math.min(end, s + 1) - Math.max(start, s)) / (end - start);
    out.push({ first, weights });
  }
  return out;
}

/**
 * Resizes interleaved RGBA (as the decoders return it) to `outChannels` planes interleaved:
 * 1 = grey (luma), 3 = RGB. Rows are reduced first, so a 12 MP photo is read once.
 */
export function resizeRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, outWidth: number, outHeight: number, outChannels: 1 | 3): Uint8Array {
  const columns = spans(width, outWidth);
  const rows = spans(height, outHeight);
  // Horizontal pass: every source row → outWidth pixels of outChannels floats. For grey, each
  // row is turned to luma first so the weighted sums run on one channel (3× less work).
  const horizontal = new Float32Array(height * outWidth * outChannels);
  const luma = outChannels === 1 ? new Float32Array(width) : undefined;
  for (let y = 0; y < height; y++) {
    const rowStart = y * width * 4;
    const outRow = y * outWidth * outChannels;
    if (luma) {
      for (let x = 0, p = rowStart; x < width; x++, p += 4) luma[x] = rgba[p] * R + rgba[p + 1] * G + rgba[p + 2] * B;
      for (let x = 0; x < outWidth; x++) {
        const { first, weights } = columns[x];
        let sum = 0;
        for (let k = 0; k < weights.length; k++) sum += luma[first + k] * weights[k];
        horizontal[outRow + x] = sum;
      }
      continue;
    }
    for (let x = 0; x < outWidth; x++) {
      const { first, weights } = columns[x];
      let r = 0;
      let g = 0;
      let b = 0;
      for (let k = 0; k < weights.length; k++) {
        const p = rowStart + (first + k) * 4;
        const w = weights[k];
        r += rgba[p] * w;
        g += rgba[p + 1] * w;
        b += rgba[p + 2] * w;
      }
      const o = outRow + x * 3;
      horizontal[o] = r;
      horizontal[o + 1] = g;
      horizontal[o + 2] = b;
    }
  }
  // Vertical pass.
  const rowLength = outWidth * outChannels;
  const out = new Uint8Array(outHeight * rowLength);
  const sums = new Float32Array(rowLength);
  for (let y = 0; y < outHeight; y++) {
    const { first, weights } = rows[y];
    sums.fill(0);
    for (let k = 0; k < weights.length; k++) {
      const from = (first + k) * rowLength;
      const w = weights[k];
      for (let i = 0; i < rowLength; i++) sums[i] += horizontal[from + i] * w;
    }
    const to = y * rowLength;
    for (let i = 0; i < rowLength; i++) out[to + i] = Math.min(255, Math.max(0, Math.round(sums[i])));
  }
  return out;
}

/** Size after EXIF orientation: 5–8 turn the picture a quarter. */
export function orientedSize(width: number, height: number, orientation: number): { width: number; height: number } {
  return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
}

/**
 * Applies EXIF orientation (1–8) to interleaved pixels: the result is the picture as it is meant
 * to be seen. For each displayed pixel (x, y) we find the stored pixel it shows.
 */
export function applyOrientation(pixels: Uint8Array, width: number, height: number, channels: number, orientation: number): { pixels: Uint8Array; width: number; height: number } {
  if (!(orientation >= 2 && orientation <= 8)) return { pixels, width, height };
  const size = orientedSize(width, height, orientation);
  const out = new Uint8Array(pixels.length);
  const W = width - 1;
  const H = height - 1;
  for (let y = 0; y < size.height; y++) {
    for (let x = 0; x < size.width; x++) {
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2: sx = W - x; sy = y; break; // mirrored
        case 3: sx = W - x; sy = H - y; break; // upside down
        case 4: sx = x; sy = H - y; break; // mirrored vertically
        case 5: sx = y; sy = x; break; // transposed
        case 6: sx = y; sy = H - x; break; // stored turned 90° anticlockwise: turn it clockwise
        case 7: sx = W - y; sy = H - x; break; // transversed
        default: sx = W - y; sy = x; break; // 8: stored turned 90° clockwise
      }
      const from = (sy * width + sx) * channels;
      const to = (y * size.width + x) * channels;
      for (let c = 0; c < channels; c++) out[to + c] = pixels[from + c];
    }
  }
  return { pixels: out, ...size };
}
