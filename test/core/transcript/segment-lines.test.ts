import { renderSegmentLines, timestampLink, mediaSeconds, formatOffset } from "../../../src/core/transcript/segment-lines";
import { numberSpeakers, parseSpeakerNames } from "../../../src/core/transcript/speaker-turns";
import { parseAttachmentLink } from "../../../src/core/log/attachment-link";

const context = { attachment: "Audio/Recording 20250730153012.webm", startIso: "2025-07-30T15:30:12", speakerWord: "Hablante", speakerNames: new Map<number, string>() };

describe("timestamp links", () => {
  it("link to the recording at the segment's second, labelled m:ss, the form Obsidian and Media Extended read", () => {
    expect(timestampLink("Recording 20250730153012.webm", 95.24)).toBe("[[Recording 20250730153012.webm#t=95.2|1:35]]");
    expect(timestampLink("a.webm", 0)).toBe("[[a.webm#t=0|0:00]]");
    expect(timestampLink("a.webm", 3725.96)).toBe("[[a.webm#t=3726|1:02:05]]");
  });

  it("the label never runs ahead of where playback starts", () => {
    expect(formatOffset(59.9)).toBe("0:59");
    expect(mediaSeconds(59.94)).toBe("59.9");
  });

  it("names wikilinks cannot hold become Markdown links with the fragment left unencoded", () => {
    const link = timestampLink("Audio/take #3 [final].webm", 12);
    expect(link).toBe("[0:12](<Audio/take%20%233%20%5Bfinal%5D.webm#t=12>)");
  });

  it("the link still points at the recording (the fragment is a subpath)", () => {
    expect(parseAttachmentLink(timestampLink("Audio/x.webm", 5))).toBe("Audio/x.webm");
  });
});

describe("segment lines", () => {
  it("keep the wall-clock time, the text and the emotion after the link", () => {
    const lines = renderSegmentLines(
      [
        { start: 0.4, end: 3, text: " Empezamos. " },
        { start: 95.2, end: 99, text: "Desplegamos.", emotion: "alegría" },
      ],
      context,
    );
    expect(lines).toEqual([
      "- [[Audio/Recording 20250730153012.webm#t=0.4|0:00]] (15:30:12) Empezamos.",
      "- [[Audio/Recording 20250730153012.webm#t=95.2|1:35]] (15:31:47) Desplegamos. _(alegría)_",
    ]);
  });

  it("label speakers as Hablante N, or by the names given in the entry's speakers field", () => {
    const segments = [
      { start: 0, end: 1, text: "¿Listo?", speaker: 1 },
      { start: 1, end: 2, text: "Sí.", speaker: 2 },
    ];
    expect(renderSegmentLines(segments, context)[0]).toContain(") **Hablante 1:** ¿Listo?");
    const named = renderSegmentLines(segments, { ...context, speakerWord: "Speaker", speakerNames: parseSpeakerNames("1=Ana") });
    expect(named[0]).toContain("**Ana:** ¿Listo?");
    expect(named[1]).toContain("**Speaker 2:** Sí.");
  });
});

describe("speaker turns", () => {
  it("numbers server labels in the order speakers first talk, and drops no-speech probabilities", () => {
    const numbered = numberSpeakers([
      { start: 0, end: 1, text: "a", speaker: "SPEAKER_01", noSpeechProb: 0.1 },
      { start: 1, end: 2, text: "b", speaker: "SPEAKER_00" },
      { start: 2, end: 3, text: "c", speaker: "SPEAKER_01" },
      { start: 3, end: 4, text: "d" },
    ]);
    expect(numbered).toEqual([
      { start: 0, end: 1, text: "a", speaker: 1 },
      { start: 1, end: 2, text: "b", speaker: 2 },
      { start: 2, end: 3, text: "c", speaker: 1 },
      { start: 3, end: 4, text: "d" },
    ]);
  });

  it("reads names written several ways", () => {
    expect([...parseSpeakerNames("Hablante 1: Ana; Speaker 2 = Luis Pérez, 3=Marta")]).toEqual([
      [1, "Ana"],
      [2, "Luis Pérez"],
      [3, "Marta"],
    ]);
    expect(parseSpeakerNames(undefined).size).toBe(0);
    expect(parseSpeakerNames("nonsense").size).toBe(0);
  });
});
