import { analyseFrames, FrameAnalyser } from "../../../src/core/emotion/frame-analyser";
import { summariseProsody } from "../../../src/core/emotion/prosody";
import { bursts, concat, noise, RATE, scaled, silence, voiced } from "./signals";

const speechLike = concat(bursts(6, 0.15, 0.1, 140), silence(0.4), bursts(5, 0.12, 0.08, 210), scaled(noise(0.3), 0.01));

test("streaming in odd-sized blocks gives exactly the whole-buffer result", () => {
  const whole = analyseFrames(speechLike, RATE);
  const analyser = new FrameAnalyser(RATE);
  const sizes = [1, 7, 160, 333, 4096, 17, 1000];
  for (let at = 0, i = 0; at < speechLike.length; i++) {
    const size = sizes[i % sizes.length];
    analyser.push(speechLike.subarray(at, at + size));
    at += size;
  }
  const streamed = analyser.finish();
  expect(streamed.levelDb).toEqual(whole.levelDb);
  expect(streamed.brightness).toEqual(whole.brightness);
  expect(streamed.f0).toEqual(whole.f0);
  expect(streamed.durationSec).toBeCloseTo(speechLike.length / RATE, 6);
  expect(summariseProsody(streamed)).toEqual(summariseProsody(whole));
});

test("a long recording keeps only a few frames of PCM in memory", () => {
  const analyser = new FrameAnalyser(RATE);
  const second = voiced(150, 1);
  for (let s = 0; s < 120; s++) analyser.push(second);
  const buffered = (analyser as unknown as { raw: Float32Array; dec: Float32Array }).raw.length;
  expect(buffered).toBeLessThan(RATE * 0.1);
  const tracks = analyser.finish();
  expect(tracks.durationSec).toBeCloseTo(120, 3);
  expect(tracks.levelDb.length).toBeGreaterThan(11900);
});
