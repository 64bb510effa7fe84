/**
 * Reads a folder laid out like ../shared/testdata/emotion_speech_emodb (labels.csv with
 * file, speaker, emotion_code or emotion, optional arousal column) and measures prosody.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyseFrames, summariseProsody, type ProsodyFeatures } from "../../src/core/emotion/prosody";
import { decodeToMonoPcm } from "../../src/engines/emotion/decode-pcm";

/** EmoDB's letter codes, and the emotions on each side of the arousal split. Disgust is left out. */
const HIGH = new Set(["W", "F", "A", "anger", "happiness", "happy", "fear", "angry", "fearful", "surprised"]);
const LOW = new Set(["T", "L", "N", "sadness", "sad", "boredom", "neutral", "calm"]);

export interface ArousalClip {
  file: string;
  speaker: string;
  emotion: string;
  highArousal: boolean;
  features: ProsodyFeatures;
  durationSec: number;
  featureMs: number;
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header.split(",").map((h) => h.trim());
  return lines.filter((l) => l.trim()).map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(names.map((n, i) => [n, (cells[i] ?? "").trim()]));
  });
}

function arousalOf(row: Record<string, string>): boolean | undefined {
  if (row.arousal) return row.arousal.toLowerCase() === "high";
  for (const key of [row.emotion_code, row.emotion?.toLowerCase()]) {
    if (key && HIGH.has(key)) return true;
    if (key && LOW.has(key)) return false;
  }
  return undefined;
}

/** Clips whose emotion sits on one side of the arousal split, with their prosody measured. */
export async function loadArousalClips(folder: string): Promise<{ clips: ArousalClip[]; skipped: string[] }> {
  const rows = parseCsv(readFileSync(path.join(folder, "labels.csv"), "utf8"));
  const clips: ArousalClip[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    const highArousal = arousalOf(row);
    if (highArousal === undefined) {
      skipped.push(`${row.file} (${row.emotion || row.emotion_code})`);
      continue;
    }
    const pcm = await decodeToMonoPcm(path.join(folder, row.file));
    const started = performance.now();
    const features = summariseProsody(analyseFrames(pcm.samples, pcm.sampleRate));
    clips.push({
      file: row.file,
      speaker: row.speaker || row.file,
      emotion: row.emotion || row.emotion_code,
      highArousal,
      features,
      durationSec: pcm.samples.length / pcm.sampleRate,
      featureMs: performance.now() - started,
    });
  }
  return { clips, skipped };
}
