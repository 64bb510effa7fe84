/**
 * Emotion evaluation. Usage: npm run eval:emotion -- [folder with labels.csv]
 * 1. Voice: high vs low arousal from audio alone on an EmoDB-style folder, cross-validated
 *    (leave-one-speaker-out and leave-one-out; models refit inside every fold).
 * 2. Words: text emotion accuracy on the Spanish/English sentence sets (dev and holdout).
 * 3. Lexicon: coverage of and valence agreement with SEL / NRC (research lexicons, not shipped).
 * Writes eval/results/emotion.json (EmoDB) or eval/results/emotion-<folder>.json.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AROUSAL_CANDIDATE_FEATURES, AROUSAL_FEATURES } from "../../src/core/emotion/arousal";
import { DEGRADATIONS, loadArousalClips, type ArousalClip } from "./arousal-dataset";
import { confusion, formatConfusion } from "./confusion";
import { crossValidate, type FoldPrediction, type Scheme } from "./cross-validate";
import { lexiconAgreement } from "./lexicon-agreement";
import { evaluateSentences } from "./text-eval";

const ROOT = process.env.BITACORA_ROOT ?? process.cwd();
const SHARED = path.resolve(ROOT, "../shared/testdata");
const L2 = 0.1;

/** 95% Wilson score interval: with a dozen clips the uncertainty is the main message. */
function wilson(correct: number, total: number): [number, number] {
  if (total === 0) return [0, 1];
  const z = 1.96;
  const p = correct / total;
  const centre = (p + (z * z) / (2 * total)) / (1 + (z * z) / total);
  const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / (1 + (z * z) / total);
  return [Math.round((centre - half) * 1000) / 1000, Math.round((centre + half) * 1000) / 1000];
}

function summarise(name: string, predictions: FoldPrediction[]) {
  const arousal = confusion(predictions, ["high", "low"]);
  const emotions = [...new Set(predictions.map((p) => p.emotion))];
  const byEmotion = confusion(
    predictions.map((p) => ({ actual: p.emotion, predicted: p.predicted })),
    [...emotions, "high", "low"],
  );
  console.log(`\n${name}\n${formatConfusion(arousal)}`);
  return {
    name,
    accuracy: Math.round(arousal.accuracy * 1000) / 1000,
    correct: Math.round(arousal.accuracy * arousal.total),
    total: arousal.total,
    wilson95: wilson(Math.round(arousal.accuracy * arousal.total), arousal.total),
    confusion: arousal.matrix,
    predictedArousalByEmotion: Object.fromEntries(emotions.map((e) => [e, byEmotion.matrix[e]])),
    predictions,
  };
}

function audioEvaluation(clips: ArousalClip[]) {
  const runs = [];
  const schemes: Scheme[] = ["leave-one-speaker-out", "leave-one-out"];
  for (const scheme of schemes) {
    runs.push(summarise(`shipped features [${AROUSAL_FEATURES.join(", ")}], ${scheme}`, crossValidate(clips, scheme, { l2: L2, features: AROUSAL_FEATURES })));
    runs.push(summarise(`all six candidate features, ${scheme}`, crossValidate(clips, scheme, { l2: L2, features: AROUSAL_CANDIDATE_FEATURES })));
    runs.push(summarise(`feature subset chosen inside each fold (nested), ${scheme}`, crossValidate(clips, scheme, { l2: L2, nestedSelection: true })));
  }
  for (const degradation of Object.keys(DEGRADATIONS)) {
    const options = { l2: L2, features: AROUSAL_FEATURES, testDegradation: degradation };
    runs.push(summarise(`shipped features, trained clean, tested on ${degradation}, leave-one-speaker-out`, crossValidate(clips, "leave-one-speaker-out", options)));
  }
  return runs;
}

async function main() {
  const folder = path.resolve(process.argv[2] ?? path.join(SHARED, "emotion_speech_emodb"));
  const started = performance.now();
  const { clips, skipped } = await loadArousalClips(folder);
  const audioSec = clips.reduce((s, c) => s + c.durationSec, 0);
  const featureMs = clips.reduce((s, c) => s + c.featureMs, 0);
  console.log(`${clips.length} clips from ${new Set(clips.map((c) => c.speaker)).size} speakers (${audioSec.toFixed(1)} s); skipped: ${skipped.join(", ") || "none"}`);
  const audio = audioEvaluation(clips);

  const text: Record<string, unknown> = {};
  for (const [name, file] of [["dev", "sentences.csv"], ["holdout", "sentences-holdout.csv"]]) {
    const result = evaluateSentences(path.join(ROOT, "eval/emotion", file));
    console.log(`\ntext ${name} (${file})\n${formatConfusion(result.all)}`);
    text[name] = {
      file: `eval/emotion/${file}`,
      accuracy: Math.round(result.all.accuracy * 1000) / 1000,
      total: result.all.total,
      byLanguage: Object.fromEntries(Object.entries(result.byLanguage).map(([l, c]) => [l, { accuracy: Math.round(c.accuracy * 1000) / 1000, total: c.total }])),
      confusion: result.all.matrix,
      errors: result.results.filter((r) => r.actual !== r.predicted),
    };
  }
  const lexiconDir = path.join(SHARED, "lexicons");
  const lexicon = existsSync(lexiconDir) ? lexiconAgreement(lexiconDir) : [];
  for (const l of lexicon) console.log(`\n${l.lexicon}: coverage ${(100 * l.coverage).toFixed(1)}% of ${l.words}, valence agreement ${(100 * l.agreement).toFixed(1)}% of ${l.covered}`);

  const name = path.basename(folder) === "emotion_speech_emodb" ? "emotion.json" : `emotion-${path.basename(folder)}.json`;
  const out = path.join(ROOT, "eval/results", name);
  mkdirSync(path.dirname(out), { recursive: true });
  const result = {
    generatedAt: new Date().toISOString(),
    audio: {
      folder: path.relative(ROOT, folder),
      task: "high (anger, happiness, fear) vs low (sadness, boredom, neutral) arousal, audio only",
      clips: clips.length,
      speakers: [...new Set(clips.map((c) => c.speaker))],
      skipped,
      audioSeconds: Math.round(audioSec * 10) / 10,
      featureMsPerAudioSecond: Math.round((featureMs / audioSec) * 100) / 100,
      l2: L2,
      chance: 0.5,
      target: 0.8,
      runs: audio,
    },
    text,
    lexiconAgreement: lexicon,
    elapsedSec: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  console.log(`\nwrote ${path.relative(ROOT, out)}`);
}

void main();
