import { adviseModel, MAX_RECOMMENDED_RTF, sizeOf } from "../../../src/core/model-advice/model-recommendation";

test.each([
  ["base", "base"],
  ["ggml-small.bin", "small"],
  ["/models/ggml-small.en-q5_1.bin", "small"],
  ["ggml-large-v3-turbo-q8_0.bin", "large-v3-turbo"],
  ["for-tests-ggml-tiny.bin", "tiny"],
  ["database.bin", undefined],
  ["ggml-large-v2.bin", undefined],
])("size of %s is %s", (model, size) => {
  expect(sizeOf(model)).toBe(size);
});

const clip = (model: string, processingSec: number) => ({ model, audioSec: 30, processingSec });

test.each<[string, ReturnType<typeof clip>[], string | undefined]>([
  ["the largest installed size under the threshold", [clip("tiny", 1.5), clip("base", 3), clip("small", 12)], "small"],
  ["a size over the threshold is not recommended, the next smaller is", [clip("base", 6), clip("small", 18)], "base"],
  ["exactly at the threshold keeps up", [clip("small", 15)], "small"],
  ["nothing keeps up: no recommendation", [clip("tiny", 20)], undefined],
  // base at 0.1: small is estimated at 0.33 (×244/74), medium at 1.04.
  ["an estimated larger size may be recommended from one measurement", [clip("base", 3)], "small"],
  ["nothing measured: no recommendation", [], undefined],
])("%s", (_name, timings, expected) => {
  expect(adviseModel(timings).recommended?.size).toBe(expected);
});

test("rows: every size, measured or estimated, with the minutes an hour of audio takes", () => {
  const advice = adviseModel([clip("ggml-base.bin", 3), clip("ggml-base-q5_1.bin", 2.4)]);
  expect(advice.maxRtf).toBe(MAX_RECOMMENDED_RTF);
  expect(advice.rows.map((row) => [row.size, row.rtf, row.minutesPerHour, row.measured, row.keepsUp])).toEqual([
    ["tiny", 0.042, 3, false, true],
    ["base", 0.08, 5, true, true],
    ["small", 0.264, 16, false, true],
    ["medium", 0.831, 50, false, false],
    ["large-v3-turbo", 0.875, 52, false, false],
  ]);
  // Of two files of one size, the faster one counts.
  expect(advice.rows[1].model).toBe("ggml-base-q5_1.bin");
  expect(advice.recommended?.size).toBe("small");
});

test("an estimate scales from the measured size nearest in parameters", () => {
  const advice = adviseModel([clip("tiny", 0.3), clip("medium", 30)]);
  // small (244 M) is nearer medium (769 M) than tiny (39 M) on a log scale: 1.0 × 244 / 769.
  expect(advice.rows.find((row) => row.size === "small")!.rtf).toBe(0.317);
  expect(advice.recommended?.size).toBe("small");
});

test("bad timings are ignored", () => {
  expect(adviseModel([{ model: "base", audioSec: 0, processingSec: 1 }, { model: "small", audioSec: 30, processingSec: Number.NaN }]).rows).toEqual([]);
});
