/**
 * Cross-validation of the arousal classifier: the model (standardisation statistics and
 * weights) is refit on the training part of each fold and scores only the held-out clips.
 */
import { arousalProbability, fitArousalModel, type ArousalFeature } from "../../src/core/emotion/arousal";
import type { ArousalClip } from "./arousal-dataset";

export interface FoldPrediction {
  file: string;
  speaker: string;
  emotion: string;
  actual: "high" | "low";
  predicted: "high" | "low";
  probabilityHigh: number;
}

export type Scheme = "leave-one-speaker-out" | "leave-one-out";

export function crossValidate(clips: readonly ArousalClip[], scheme: Scheme, l2: number, features?: readonly ArousalFeature[]): FoldPrediction[] {
  const groupOf = (clip: ArousalClip) => (scheme === "leave-one-speaker-out" ? clip.speaker : clip.file);
  const groups = [...new Set(clips.map(groupOf))];
  const predictions: FoldPrediction[] = [];
  for (const group of groups) {
    const train = clips.filter((c) => groupOf(c) !== group);
    const test = clips.filter((c) => groupOf(c) === group);
    // A fold whose training part has only one class cannot learn a boundary.
    if (!train.some((c) => c.highArousal) || !train.some((c) => !c.highArousal)) continue;
    const model = fitArousalModel(train, features ? { l2, features } : { l2 });
    for (const clip of test) {
      const probabilityHigh = arousalProbability(model, clip.features);
      predictions.push({
        file: clip.file,
        speaker: clip.speaker,
        emotion: clip.emotion,
        actual: clip.highArousal ? "high" : "low",
        predicted: probabilityHigh >= 0.5 ? "high" : "low",
        probabilityHigh: Math.round(probabilityHigh * 1000) / 1000,
      });
    }
  }
  return predictions;
}
