/**
 * Arousal (calm ↔ agitated) from prosody with an L2-regularised logistic regression on
 * standardised features. The shipped weights (arousal-weights.ts) are fit by
 * eval/emotion/train-arousal.ts; the evaluation refits them inside each cross-validation
 * fold so no clip is ever scored by a model that saw it. Pure.
 */
import type { ProsodyFeatures } from "./prosody";
import { mean, sigmoid, standardDeviation } from "./stats";

/**
 * Candidate features, chosen from the speech-emotion literature for gain- and speaker-
 * independence: vocal effort raises high-frequency energy (brightness) and makes pitch and
 * loudness move more; calm speech is slower, flatter and pausier. Absolute pitch is left
 * out because it mostly says whether the speaker is a man or a woman.
 */
export const AROUSAL_CANDIDATE_FEATURES = [
  "brightnessLog",
  "f0DeltaSt",
  "f0RangeSt",
  "levelDeltaDb",
  "syllableRate",
  "pauseRatio",
] as const satisfies readonly (keyof ProsodyFeatures)[];

/** The shipped model's features: brightness and pitch movement (see docs/emotion.md for why). */
export const AROUSAL_FEATURES = ["brightnessLog", "f0DeltaSt"] as const;

export type ArousalFeature = (typeof AROUSAL_CANDIDATE_FEATURES)[number];

export interface ArousalModel {
  features: readonly ArousalFeature[];
  means: number[];
  scales: number[];
  weights: number[];
  bias: number;
}

export interface LabelledProsody {
  features: ProsodyFeatures;
  highArousal: boolean;
}

function standardised(model: Pick<ArousalModel, "features" | "means" | "scales">, features: ProsodyFeatures): number[] {
  return model.features.map((name, i) => (features[name] - model.means[i]) / model.scales[i]);
}

/** Probability (0..1) that the speech is high-arousal. */
export function arousalProbability(model: ArousalModel, features: ProsodyFeatures): number {
  const z = standardised(model, features);
  let score = model.bias;
  for (let i = 0; i < z.length; i++) score += model.weights[i] * z[i];
  return sigmoid(score);
}

export interface FitOptions {
  /** L2 penalty on the weights. */
  l2?: number;
  iterations?: number;
  learningRate?: number;
  features?: readonly ArousalFeature[];
}

/**
 * Fits the model by batch gradient descent. With a dozen training clips the L2 penalty
 * (`l2`) is what keeps weights sane; it shrinks them towards "no opinion".
 */
export function fitArousalModel(
  data: readonly LabelledProsody[],
  options: FitOptions = {},
): ArousalModel {
  const { l2 = 0.1, iterations = 2000, learningRate = 0.1, features = AROUSAL_FEATURES } = options;
  const means = features.map((name) => mean(data.map((d) => d.features[name])));
  const scales = features.map((name) => standardDeviation(data.map((d) => d.features[name])) || 1);
  const base = { features, means, scales };
  const rows = data.map((d) => standardised(base, d.features));
  const targets = data.map((d) => (d.highArousal ? 1 : 0));
  const weights = new Array<number>(features.length).fill(0);
  let bias = 0;
  const n = Math.max(1, data.length);
  for (let step = 0; step < iterations; step++) {
    const gradW = weights.map((w) => l2 * w);
    let gradB = 0;
    rows.forEach((row, r) => {
      let score = bias;
      for (let i = 0; i < row.length; i++) score += weights[i] * row[i];
      const error = sigmoid(score) - targets[r];
      for (let i = 0; i < row.length; i++) gradW[i] += (error * row[i]) / n;
      gradB += error / n;
    });
    for (let i = 0; i < weights.length; i++) weights[i] -= learningRate * gradW[i];
    bias -= learningRate * gradB;
  }
  return { ...base, weights, bias };
}
