import { trackPitch } from "../../../src/core/emotion/pitch";
import { noise, RATE, silence, sine, voiced } from "./signals";

const voicedF0 = (samples: Float32Array, rate = RATE) => Array.from(trackPitch(samples, rate).f0).filter((f) => f > 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test("a 200 Hz sine is tracked at 200 ± 5 Hz in every frame", () => {
  const f0 = voicedF0(sine(200, 1));
  expect(f0.length).toBeGreaterThan(40);
  for (const hz of f0) expect(Math.abs(hz - 200)).toBeLessThan(5);
});

test("low and high voices with harmonics: 95 Hz and 320 Hz", () => {
  expect(median(voicedF0(voiced(95, 1)))).toBeCloseTo(95, -1);
  expect(Math.abs(median(voicedF0(voiced(95, 1))) - 95)).toBeLessThan(3);
  expect(Math.abs(median(voicedF0(voiced(320, 1))) - 320)).toBeLessThan(8);
});

test("works at EmoDB's 22 050 Hz too", () => {
  const f0 = voicedF0(sine(180, 1, 0.5, 22050), 22050);
  expect(Math.abs(median(f0) - 180)).toBeLessThan(5);
});

test("silence and white noise are unvoiced", () => {
  expect(voicedF0(silence(1)).length).toBe(0);
  const frames = trackPitch(noise(1), RATE).f0.length;
  expect(voicedF0(noise(1)).length).toBeLessThan(frames * 0.2);
});
