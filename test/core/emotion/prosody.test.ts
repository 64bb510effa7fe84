import { prosodyOf } from "../../../src/core/emotion/prosody";
import { bursts, concat, noise, RATE, scaled, silence, sine, voiced } from "./signals";

test("median pitch of a voiced tone and flat melody", () => {
  const f = prosodyOf(voiced(200, 2), RATE);
  expect(Math.abs(f.f0MedianHz - 200)).toBeLessThan(5);
  expect(f.f0RangeSt).toBeLessThan(0.5);
  expect(f.voicedRatio).toBeGreaterThan(0.9);
});

test("a melody from 150 to 300 Hz spans about an octave (12 semitones)", () => {
  const steps = [150, 175, 200, 225, 250, 275, 300].map((hz) => voiced(hz, 0.3));
  const f = prosodyOf(concat(...steps), RATE);
  expect(f.f0RangeSt).toBeGreaterThan(8);
  expect(f.f0RangeSt).toBeLessThan(13);
  expect(f.f0StdSt).toBeGreaterThan(2);
});

test("features do not depend on microphone gain", () => {
  const speechLike = bursts(8, 0.15, 0.1);
  const loud = prosodyOf(speechLike, RATE);
  const quiet = prosodyOf(scaled(speechLike, 0.05), RATE);
  expect(quiet.f0MedianHz).toBeCloseTo(loud.f0MedianHz, 0);
  expect(quiet.brightnessLog).toBeCloseTo(loud.brightnessLog, 2);
  expect(quiet.syllableRate).toBeCloseTo(loud.syllableRate, 1);
  expect(quiet.pauseRatio).toBeCloseTo(loud.pauseRatio, 2);
});

test("syllable rate counts bursts per second of active sound", () => {
  // 10 bursts of 0.12 s: 10 nuclei in about 1.2 s of active sound.
  const f = prosodyOf(bursts(10, 0.12, 0.08), RATE);
  expect(f.syllableRate).toBeGreaterThan(6);
  expect(f.syllableRate).toBeLessThan(10.5);
});

test("pause ratio: 1 s of tone, 1 s of silence, 1 s of tone ≈ one third", () => {
  const f = prosodyOf(concat(voiced(150, 1), silence(1), voiced(150, 1)), RATE);
  expect(f.pauseRatio).toBeGreaterThan(0.28);
  expect(f.pauseRatio).toBeLessThan(0.38);
  expect(prosodyOf(voiced(150, 3), RATE).pauseRatio).toBe(0);
});

test("loudness dynamics: a steady tone is flat, alternating loud and soft is not", () => {
  const steady = prosodyOf(voiced(150, 2), RATE);
  const alternating = prosodyOf(concat(...Array.from({ length: 10 }, (_, i) => scaled(voiced(150, 0.2), i % 2 ? 1 : 0.3))), RATE);
  expect(steady.levelStdDb).toBeLessThan(0.5);
  expect(alternating.levelStdDb).toBeGreaterThan(3);
});

test("brightness: a 3 kHz tone or noise is brighter than a 150 Hz voice", () => {
  const low = prosodyOf(voiced(150, 1), RATE).brightnessLog;
  expect(prosodyOf(sine(3000, 1), RATE).brightnessLog).toBeGreaterThan(low + 1);
  expect(prosodyOf(noise(1), RATE).brightnessLog).toBeGreaterThan(low + 1);
});

test("silence yields no active speech", () => {
  const f = prosodyOf(silence(2), RATE);
  expect(f.activeSec).toBe(0);
  expect(f.voicedRatio).toBe(0);
});
