/**
 * @jest-environment ./test/engines/image/native-typed-arrays-environment.js
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { chunkAtPauses, decodeToPcm16kMono, detectSpeech, SileroVad, slicePcm } from "../../../src/engines/audio";
import { nativeOnnx } from "../../../src/engines/onnx/native-onnx";
import { concatFloat32 } from "../../../src/engines/audio/join-arrays";
import { TESTDATA } from "./audio-test-helpers";

/** Three minutes of real Spanish and English speech, back to back, through VAD and the chunker. */
test("a 3-minute recording is cut into ≤30 s chunks at real pauses, times mapping back to the recording", async () => {
  const clips = ["speech_es", "speech_en"].flatMap((dir) =>
    readdirSync(join(TESTDATA, dir))
      .filter((name) => /\.(ogg|wav)$/.test(name))
      .map((name) => join(TESTDATA, dir, name)),
  );
  const pcm = concatFloat32(await Promise.all(clips.map(async (clip) => (await decodeToPcm16kMono(clip)).samples)));
  expect(pcm.length / 16000).toBeGreaterThan(150);

  const vad = await SileroVad.create({ onnx: nativeOnnx });
  try {
    const detection = await detectSpeech(pcm, { vad });
    const chunks = chunkAtPauses(detection.segments, 30, { probabilities: detection.probabilities, frameSec: detection.frameSec });
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    for (const chunk of chunks) {
      expect(chunk.end - chunk.start).toBeLessThanOrEqual(30);
      expect(chunk.cutAfter).not.toBe("hard");
      // The audio right after a cut is not speech by the VAD's own measure.
      const frameAfterCut = Math.min(detection.probabilities.length - 1, Math.floor(chunk.end / detection.frameSec));
      if (chunk.cutAfter !== "end") expect(detection.probabilities[frameAfterCut]).toBeLessThan(0.5);
      // slicePcm hands Whisper exactly the chunk's samples; a time t in it is chunk.start + t.
      expect(slicePcm(pcm, chunk).length).toBeCloseTo((chunk.end - chunk.start) * 16000, -1);
    }
    const speech = detection.segments.reduce((n, s) => n + s.end - s.start, 0);
    const chunked = chunks.flatMap((c) => c.segments).reduce((n, s) => n + s.end - s.start, 0);
    expect(chunked).toBeCloseTo(speech, 3);
  } finally {
    await vad.dispose();
  }
});
