import { energySpeechProbabilities, frameLevelDb } from "../../../src/core/audio/energy-speech";
import { speechSegmentsFromProbabilities } from "../../../src/core/audio/speech-segments";

const FRAME_SEC = 0.032;
const segmentsOf = (levels: number[]) => speechSegmentsFromProbabilities(energySpeechProbabilities(levels), FRAME_SEC, levels.length * FRAME_SEC);
const repeat = (db: number, frames: number) => Array<number>(frames).fill(db);

test("frame level is the RMS in dBFS; digital silence is a finite floor", () => {
  expect(frameLevelDb(new Float32Array(512).fill(0.5), 0, 512)).toBeCloseTo(-6.02, 1);
  expect(frameLevelDb(new Float32Array(512), 0, 512)).toBe(-120);
});

test.each([
  ["digital silence", repeat(-120, 200)],
  ["steady room noise", repeat(-38, 200)],
  ["noise that wavers a few dB", Array.from({ length: 200 }, (_, i) => -40 + 4 * Math.sin(i / 3))],
  ["a quiet recording below the absolute level", [...repeat(-90, 100), ...repeat(-50, 50), ...repeat(-90, 50)]],
])("%s gives no speech", (_name, levels) => {
  expect(segmentsOf(levels)).toEqual([]);
});

test("loud stretches over a quiet floor become segments at their times", () => {
  // 2 s of floor, 1.6 s of speech-level frames, 2 s of floor, 1 s of speech, then floor.
  const levels = [...repeat(-60, 62), ...repeat(-20, 50), ...repeat(-60, 62), ...repeat(-22, 31), ...repeat(-60, 40)];
  const segments = segmentsOf(levels);
  expect(segments).toHaveLength(2);
  expect(segments[0].start).toBeCloseTo(62 * FRAME_SEC - 0.2, 1);
  expect(segments[0].end).toBeCloseTo(112 * FRAME_SEC + 0.2, 1);
  expect(segments[1].start).toBeCloseTo(174 * FRAME_SEC - 0.2, 1);
});
