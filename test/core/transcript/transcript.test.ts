/**
 * Pure transcript logic from src/core/transcript:
 * the hallucination guard, chunk-to-recording time mapping, and the initial prompt.
 */
import { collapseLoops, guardSegments, speechOverlapShare } from "../../../src/core/transcript/hallucination-guard";
import { dominantLanguage, joinTranscript, toRecordingTime } from "../../../src/core/transcript/transcript-assembly";

describe("hallucination guard", () => {
  const speech = [{ start: 0, end: 10 }];

  test("drops text over a region the VAD found silent, keeps text over speech", () => {
    const result = guardSegments(
      [
        { start: 1, end: 4, text: "Revisamos la latencia del modelo." },
        { start: 20, end: 25, text: "Subtítulos realizados por la comunidad de Amara.org" },
      ],
      speech,
    );
    expect(result.kept.map((s) => s.text)).toEqual(["Revisamos la latencia del modelo."]);
    expect(result.dropped).toEqual([expect.objectContaining({ reason: "outside-speech" })]);
  });

  test("drops segments with a high no-speech probability", () => {
    const result = guardSegments([{ start: 1, end: 3, text: "Thanks for watching!", noSpeechProb: 0.92 }], speech);
    expect(result.kept).toEqual([]);
    expect(result.dropped[0].reason).toBe("no-speech-probability");
  });

  test("collapses a loop inside a segment and drops a segment that was mostly loop", () => {
    expect(collapseLoops("el deploy, el deploy, el deploy, el deploy, el deploy, terminó bien")).toBe("el deploy, terminó bien");
    expect(collapseLoops("no repetition here at all")).toBe("no repetition here at all");
    const result = guardSegments([{ start: 0, end: 9, text: "gracias. gracias. gracias. gracias. gracias. gracias. gracias. gracias." }], speech);
    expect(result.dropped[0].reason).toBe("repetition-loop");
  });

  test("drops the same sentence repeated across consecutive segments after the second", () => {
    const same = { text: "Vamos a revisar el tablero." };
    const result = guardSegments(
      [
        { start: 0, end: 2, ...same },
        { start: 2, end: 4, ...same },
        { start: 4, end: 6, ...same },
        { start: 6, end: 8, text: "Y luego el reporte." },
      ],
      speech,
    );
    expect(result.kept.map((s) => s.start)).toEqual([0, 2, 6]);
    expect(result.dropped.map((d) => d.reason)).toEqual(["repeated-segment"]);
  });

  test("drops sound tags and empty text", () => {
    const result = guardSegments(
      [
        { start: 0, end: 2, text: "[MÚSICA]" },
        { start: 2, end: 3, text: " (upbeat music) " },
        { start: 3, end: 4, text: "♪♪" },
        { start: 4, end: 5, text: " ... " },
      ],
      speech,
    );
    expect(result.kept).toEqual([]);
    expect(result.dropped.map((d) => d.reason)).toEqual(["non-speech-tag", "non-speech-tag", "non-speech-tag", "empty"]);
  });

  test("overlap share", () => {
    expect(speechOverlapShare({ start: 8, end: 12 }, speech)).toBeCloseTo(0.5);
    expect(speechOverlapShare({ start: 11, end: 12 }, speech)).toBe(0);
  });
});

describe("transcript assembly", () => {
  test("chunk times map back to the recording and are clamped to the chunk", () => {
    const mapped = toRecordingTime([{ start: 0.5, end: 31.2, text: " hola " }], 120, 29.5);
    expect(mapped).toEqual([{ start: 120.5, end: 149.5, text: "hola" }]);
  });

  test("joins segment text with natural spacing", () => {
    expect(joinTranscript([{ text: " Hola ," }, { text: "" }, { text: "¿qué tal?" }])).toBe("Hola, ¿qué tal?");
  });

  test("dominant language by amount of text", () => {
    expect(dominantLanguage([{ language: "en", textLength: 10 }, { language: "es", textLength: 300 }, { textLength: 5 }])).toBe("es");
  });
});
