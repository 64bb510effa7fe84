import { arousalProbability, fitArousalModel, type LabelledProsody } from "../../../src/core/emotion/arousal";
import { SHIPPED_AROUSAL_MODEL } from "../../../src/core/emotion/arousal-weights";
import type { ProsodyFeatures } from "../../../src/core/emotion/prosody";

const base: ProsodyFeatures = {
  activeSec: 2, voicedRatio: 0.6, f0MedianHz: 150, f0RangeSt: 6, f0StdSt: 2.5, f0DeltaSt: 0.5,
  levelStdDb: 8, levelDeltaDb: 2, brightnessLog: -0.9, syllableRate: 4.5, pauseRatio: 0.05,
};

test("the shipped model: brighter voice with livelier pitch is more agitated", () => {
  const calm = arousalProbability(SHIPPED_AROUSAL_MODEL, { ...base, brightnessLog: -1.15, f0DeltaSt: 0.3 });
  const agitated = arousalProbability(SHIPPED_AROUSAL_MODEL, { ...base, brightnessLog: -0.4, f0DeltaSt: 0.9 });
  expect(calm).toBeLessThan(0.2);
  expect(agitated).toBeGreaterThan(0.8);
});

test("fitting learns a separable rule and keeps probabilities in 0..1", () => {
  const data: LabelledProsody[] = [];
  for (let i = 0; i < 10; i++) {
    data.push({ highArousal: true, features: { ...base, brightnessLog: -0.5 + i * 0.01, f0DeltaSt: 0.8 } });
    data.push({ highArousal: false, features: { ...base, brightnessLog: -1.1 + i * 0.01, f0DeltaSt: 0.4 } });
  }
  const model = fitArousalModel(data);
  for (const d of data) expect(arousalProbability(model, d.features) >= 0.5).toBe(d.highArousal);
  expect(model.weights.every((w) => w > 0)).toBe(true);
});

test("stronger regularisation gives less extreme probabilities", () => {
  const data: LabelledProsody[] = [
    { highArousal: true, features: { ...base, brightnessLog: -0.5, f0DeltaSt: 0.9 } },
    { highArousal: false, features: { ...base, brightnessLog: -1.1, f0DeltaSt: 0.3 } },
  ];
  const loose = arousalProbability(fitArousalModel(data, { l2: 0.01 }), data[0].features);
  const tight = arousalProbability(fitArousalModel(data, { l2: 10 }), data[0].features);
  expect(loose).toBeGreaterThan(tight);
  expect(tight).toBeGreaterThan(0.5);
});
