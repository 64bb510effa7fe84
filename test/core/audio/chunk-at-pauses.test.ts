import { chunkAtPauses, type SpeechChunk } from "../../../src/core/audio/chunk-at-pauses";
import { speechSegmentsFromProbabilities, type SpeechSegment } from "../../../src/core/audio/speech-segments";

const seg = (start: number, end: number): SpeechSegment => ({ start, end });

function expectValidChunks(chunks: SpeechChunk[], segments: SpeechSegment[], maxSec: number): void {
  for (const chunk of chunks) {
    expect(chunk.end - chunk.start).toBeLessThanOrEqual(maxSec + 1e-9);
    expect(chunk.segments[0].start).toBe(chunk.start);
    expect(chunk.segments[chunk.segments.length - 1].end).toBe(chunk.end);
  }
  for (let i = 1; i < chunks.length; i++) expect(chunks[i].start).toBeGreaterThanOrEqual(chunks[i - 1].end);
  // Every second of speech is in exactly one chunk.
  const speech = segments.reduce((n, s) => n + s.end - s.start, 0);
  const chunked = chunks.flatMap((c) => c.segments).reduce((n, s) => n + s.end - s.start, 0);
  expect(chunked).toBeCloseTo(speech, 6);
}

describe("chunkAtPauses", () => {
  test("short utterances are packed together up to 30 s and cut in the pause between them", () => {
    const segments = [seg(1, 8), seg(9, 17), seg(18, 29), seg(30, 40), seg(41, 45)];
    const chunks = chunkAtPauses(segments, 30);
    expect(chunks.map((c) => [c.start, c.end, c.cutAfter])).toEqual([
      [1, 29, "pause"],
      [30, 45, "end"],
    ]);
    expectValidChunks(chunks, segments, 30);
  });

  test("a long silence closes a chunk even when more would fit (Whisper invents text in silence)", () => {
    const chunks = chunkAtPauses([seg(0, 5), seg(15, 20)], 30);
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 5],
      [15, 20],
    ]);
    expect(chunkAtPauses([seg(0, 5), seg(15, 20)], 30, { maxInnerSilenceSec: 20 })).toHaveLength(1);
  });

  test("speech with no pause for 70 s is cut at its quietest frames, never mid-word when a dip exists", () => {
    const frameSec = 0.032;
    const probabilities = new Float32Array(Math.ceil(70 / frameSec)).fill(0.95);
    const dips = [22.4, 47.9]; // short breaths the VAD did not call silence (too short for a segment break)
    for (const t of dips) probabilities[Math.floor(t / frameSec)] = 0.3;
    const segments = [seg(0, 70)];
    const chunks = chunkAtPauses(segments, 30, { probabilities, frameSec });
    expect(chunks).toHaveLength(3);
    expect(chunks[0].end).toBeCloseTo(dips[0], 1);
    expect(chunks[1].end).toBeCloseTo(dips[1], 1);
    expect(chunks.slice(0, 2).map((c) => c.cutAfter)).toEqual(["quiet-frame", "quiet-frame"]);
    expectValidChunks(chunks, segments, 30);
  });

  test("without probabilities, overlong speech is hard-cut at exactly 30 s", () => {
    const chunks = chunkAtPauses([seg(10, 75)], 30);
    expect(chunks.map((c) => [c.start, c.end, c.cutAfter])).toEqual([
      [10, 40, "hard"],
      [40, 70, "hard"],
      [70, 75, "end"],
    ]);
  });

  test("segment times map back to the recording through the chunk start", () => {
    const [, second] = chunkAtPauses([seg(0, 20), seg(31, 50)], 30);
    const whisperTimeInsideChunk = 4.2;
    expect(second.start + whisperTimeInsideChunk).toBeCloseTo(35.2, 6);
  });

  test("no speech gives no chunks; bad sizes are rejected", () => {
    expect(chunkAtPauses([], 30)).toEqual([]);
    expect(() => chunkAtPauses([seg(0, 1)], 0)).toThrow(RangeError);
  });
});

describe("speechSegmentsFromProbabilities", () => {
  const frameSec = 0.032;
  const frames = (pattern: Array<[probability: number, seconds: number]>) =>
    Float32Array.from(pattern.flatMap(([p, s]) => Array(Math.round(s / frameSec)).fill(p)));

  test("speech between silences becomes one padded segment", () => {
    const p = frames([[0.01, 1], [0.9, 2], [0.01, 1]]);
    const [only, ...rest] = speechSegmentsFromProbabilities(p, frameSec, 4);
    expect(rest).toEqual([]);
    expect(only.start).toBeCloseTo(1 - 0.2, 1);
    expect(only.end).toBeCloseTo(3 + 0.2, 1);
  });

  test("a pause shorter than minSilenceSec does not split; a longer one does", () => {
    const shortPause = frames([[0.9, 1], [0.05, 0.2], [0.9, 1]]);
    expect(speechSegmentsFromProbabilities(shortPause, frameSec, 2.2, { padSec: 0 })).toHaveLength(1);
    const longPause = frames([[0.9, 1], [0.05, 0.8], [0.9, 1]]);
    expect(speechSegmentsFromProbabilities(longPause, frameSec, 2.8, { padSec: 0 })).toHaveLength(2);
  });

  test("a click shorter than minSpeechSec is dropped; values between the two thresholds keep speech going", () => {
    expect(speechSegmentsFromProbabilities(frames([[0.01, 1], [0.9, 0.1], [0.01, 1]]), frameSec, 2.1)).toEqual([]);
    const wobbly = frames([[0.9, 1], [0.4, 1], [0.9, 1]]); // 0.4 is above threshold − 0.15
    expect(speechSegmentsFromProbabilities(wobbly, frameSec, 3, { padSec: 0 })).toHaveLength(1);
  });

  test("padding never goes outside the recording", () => {
    const [s] = speechSegmentsFromProbabilities(frames([[0.9, 1]]), frameSec, 0.992);
    expect(s.start).toBe(0);
    expect(s.end).toBeLessThanOrEqual(0.992);
  });
});
