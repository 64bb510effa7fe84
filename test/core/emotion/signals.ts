/** Synthetic test signals with known pitch, loudness and rhythm. */
export const RATE = 16000;

export function sine(hz: number, seconds: number, amplitude = 0.5, rate = RATE): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  return out;
}

/** A voice-like tone: fundamental plus decaying harmonics. */
export function voiced(hz: number, seconds: number, amplitude = 0.3, rate = RATE): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let h = 1; h <= 6; h++) {
    for (let i = 0; i < out.length; i++) out[i] += (amplitude / h) * Math.sin((2 * Math.PI * hz * h * i) / rate);
  }
  return out;
}

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export const silence = (seconds: number, rate = RATE) => new Float32Array(Math.round(seconds * rate));

export function scaled(signal: Float32Array, gain: number): Float32Array {
  return signal.map((x) => x * gain);
}

/** Deterministic white noise (xorshift), so tests never flake. */
export function noise(seconds: number, amplitude = 0.3, rate = RATE): Float32Array {
  let state = 12345;
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = amplitude * ((state >>> 0) / 0xffffffff - 0.5) * 2;
  }
  return out;
}

/** Syllable-like bursts: `count` voiced bursts of `onSec` with `offSec` gaps. */
export function bursts(count: number, onSec: number, offSec: number, hz = 150): Float32Array {
  const parts: Float32Array[] = [];
  for (let i = 0; i < count; i++) parts.push(voiced(hz, onSec), silence(offSec));
  return concat(...parts);
}
