import { sustainedEmotion } from "../../../src/core/emotion/sustained-emotion";
import type { FusedEmotion } from "../../../src/core/emotion/fusion";

const neutral: FusedEmotion = { key: "neutral", label: "neutral", confidence: 0.3, source: "text" };
const seg = (start: number, end: number, emotion?: string) => ({ start, end, text: "…", ...(emotion ? { emotion } : {}) });

test("a neutral whole with frustration in two sentences is frustration", () => {
  const result = sustainedEmotion(neutral, [seg(0, 3), seg(3, 6, "frustration"), seg(6, 9, "frustration"), seg(9, 12)], "en");
  expect(result).toMatchObject({ key: "frustration", label: "frustration", source: "text" });
});

test("the emotion that lasts longest wins; one short sentence is not sustained", () => {
  expect(sustainedEmotion(neutral, [seg(0, 2, "satisfacción"), seg(2, 12), seg(12, 14), seg(14, 20)], "es").key).toBe("neutral");
  // One long sentence is not sustained either: it takes two sentences and a third of the speech.
  expect(sustainedEmotion(neutral, [seg(0, 6, "preocupación"), seg(6, 9)], "es").key).toBe("neutral");
  const mixed = sustainedEmotion(neutral, [seg(0, 3, "preocupación"), seg(3, 6, "preocupación"), seg(6, 7, "satisfacción"), seg(7, 8, "satisfacción"), seg(8, 9)], "es");
  expect(mixed.key).toBe("concern");
});

test("an entry that already has an emotion keeps it", () => {
  const frustrated: FusedEmotion = { key: "frustration", label: "frustración", confidence: 0.8, source: "voice+text" };
  expect(sustainedEmotion(frustrated, [seg(0, 3, "satisfacción"), seg(3, 6, "satisfacción")], "es")).toBe(frustrated);
});
