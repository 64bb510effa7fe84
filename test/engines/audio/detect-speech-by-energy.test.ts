import path from "node:path";
import { detectSpeechByEnergy } from "../../../src/engines/audio/detect-speech-by-energy";
import { streamPortablePcm16kMono } from "../../../src/engines/audio/portable-audio-decoder";

const fixture = (name: string) => path.join(__dirname, "../../fixtures/audio", name);
const speechSec = (segments: { start: number; end: number }[]) => segments.reduce((sum, s) => sum + s.end - s.start, 0);

// Real media through the portable decoder: the speech finder the three-file plugin uses without Silero.
test("silence gives no speech", async () => {
  const result = await detectSpeechByEnergy(streamPortablePcm16kMono(fixture("silence-5s.flac")));
  expect(result.durationSec).toBeCloseTo(5, 1);
  expect(result.segments).toEqual([]);
});

test("spoken Spanish is found, and most of the recording is speech", async () => {
  const result = await detectSpeechByEnergy(streamPortablePcm16kMono(fixture("speech-es.wav"), { batchSec: 0.5 }));
  expect(result.segments.length).toBeGreaterThan(0);
  expect(speechSec(result.segments) / result.durationSec).toBeGreaterThan(0.5);
  expect(result.probabilities.length).toBe(Math.ceil((result.durationSec * 16000) / 512));
});

test("a cancelled detection stops", async () => {
  const controller = new AbortController();
  controller.abort();
  await expect(detectSpeechByEnergy(streamPortablePcm16kMono(fixture("speech-es.wav")), controller.signal)).rejects.toThrow();
});

test.each(["room-noise-8s.webm", "brown-noise-hum-8s.webm"])("%s: steady noise is not speech", async (name) => {
  const result = await detectSpeechByEnergy(streamPortablePcm16kMono(fixture(name)));
  expect(speechSec(result.segments)).toBeLessThan(0.5);
});
