/**
 * Cross-validation of the arousal classifier: the model (standardisation statistics and
 * weights) is refit on the training part of each fold and scores only the held-out clips.
 * `nestedSelection` also picks the feature subset inside each fold (by leave-one-out on the
 * training clips only), so the estimate includes the cost of choosing features.
 */
import { AROUSAL_CANDIDATE_FEATURES, arousalProbability, fitArousalModel, type ArousalFeature } from "../../src/core/emotion/arousal";
import type { ArousalClip } from "./arousal-dataset";

export interface FoldPrediction {
  file: string;
  speaker: string;
  emotion: string;
  actual: "high" | "low";
  predicted: "high" | "low";
  probabilityHigh: number;
  features: readonly ArousalFeature[];
}

export type Scheme = "leave-one-speaker-out" | "leave-one-out";

/** Every non-empty subset of up to three candidate features, plus all of them. */
export function candidateSubsets(): ArousalFeature[][] {
  const all = [...AROUSAL_CANDIDATE_FEATURES] as ArousalFeature[];
  const subsets: ArousalFeature[][] = [];
  for (let mask = 1; mask < 1 << all.length; mask++) {
    const subset = all.filter((_, i) => mask & (1 << i));
    if (subset.length <= 3) subsets.push(subset);
  }
  return [...subsets, all];
}

const hasBothClasses = (clips: readonly ArousalClip[]) => clips.some((c) => c.highArousal) && clips.some((c) => !c.highArousal);

function innerAccuracy(train: readonly ArousalClip[], features: readonly ArousalFeature[], l2: number): number {
  let correct = 0;
  for (const held of train) {
    const rest = train.filter((c) => c !== held);
    if (!hasBothClasses(rest)) continue;
    const p = arousalProbability(fitArousalModel(rest, { l2, features }), held.features);
    if (p >= 0.5 === held.highArousal) correct++;
  }
  return correct / train.length;
}

function selectFeatures(train: readonly ArousalClip[], l2: number): readonly ArousalFeature[] {
  let best = candidateSubsets()[0];
  let bestScore = -1;
  // Fewer features win ties: subsets are listed from small to large within equal accuracy.
  for (const subset of candidateSubsets().sort((a, b) => a.length - b.length)) {
    const score = innerAccuracy(train, subset, l2);
    if (score > bestScore) {
      best = subset;
      bestScore = score;
    }
  }
  return best;
}

export function crossValidate(
  clips: readonly ArousalClip[],
  scheme: Scheme,
  {
    l2 = 0.1,
    features,
    nestedSelection = false,
    testDegradation,
  }: { l2?: number; features?: readonly ArousalFeature[]; nestedSelection?: boolean; testDegradation?: string } = {},
): FoldPrediction[] {
  const groupOf = (clip: ArousalClip) => (scheme === "leave-one-speaker-out" ? clip.speaker : clip.file);
  const predictions: FoldPrediction[] = [];
  for (const group of [...new Set(clips.map(groupOf))]) {
    const train = clips.filter((c) => groupOf(c) !== group);
    // A fold whose training part has only one class cannot learn a boundary.
    if (!hasBothClasses(train)) continue;
    const chosen = nestedSelection ? selectFeatures(train, l2) : features ?? AROUSAL_CANDIDATE_FEATURES;
    const model = fitArousalModel(train, { l2, features: chosen });
    for (const clip of clips.filter((c) => groupOf(c) === group)) {
      // Robustness runs train on clean clips and score degraded copies of the held-out clips.
      const testFeatures = testDegradation === undefined ? clip.features : clip.degraded[testDegradation];
      const probabilityHigh = arousalProbability(model, testFeatures);
      predictions.push({
        file: clip.file,
        speaker: clip.speaker,
        emotion: clip.emotion,
        actual: clip.highArousal ? "high" : "low",
        predicted: probabilityHigh >= 0.5 ? "high" : "low",
        probabilityHigh: Math.round(probabilityHigh * 1000) / 1000,
        features: chosen,
      });
    }
  }
  return predictions;
}
