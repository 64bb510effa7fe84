import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem, type as osType } from "node:os";
import { join } from "node:path";

const root = process.env.BITACORA_ROOT ?? process.cwd();
/** Where the 10-minute recordings are made once (ffmpeg) and kept between runs. */
export const work = join(root, ".tmp", "bench-audio");
const testdata = join(root, "..", "shared", "testdata");
export const SECONDS = 600;


/** What the numbers were measured on (the same block in every bench result). */
export function machineInfo() {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType().toLowerCase()} ${release()}`,
    node: process.version,
    note: "2 cores shared with other engineers' processes; runs are serialised with flock /tmp/bitacora-bench.lock",
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function ffmpeg(args: string[]): void {
  const result = spawnSync("ffmpeg", ["-loglevel", "error", "-y", ...args], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`ffmpeg ${args.join(" ")} failed (${result.status ?? result.error})`);
}

/** 10 minutes of real speech: every testdata clip, normalised to 48 kHz mono WAV, repeated. */
export function makeSources(): { webm: string; m4a: string } {
  mkdirSync(work, { recursive: true });
  const made = { webm: join(work, "speech-10min.webm"), m4a: join(work, "speech-10min.m4a") };
  if (existsSync(made.webm) && existsSync(made.m4a)) return made; // made by an earlier run from the same clips
  const clips = ["speech_es", "speech_en"].flatMap((dir) =>
    readdirSync(join(testdata, dir)).filter((n) => /\.(ogg|wav|mp3)$/.test(n)).map((n) => join(testdata, dir, n)),
  );
  const wavs = clips.map((clip, i) => {
    const out = join(work, `clip-${i}.wav`);
    ffmpeg(["-i", clip, "-ar", "48000", "-ac", "1", "-c:a", "pcm_s16le", out]);
    return out;
  });
  const list = join(work, "list.txt");
  writeFileSync(list, Array.from({ length: 12 }, () => wavs.map((w) => `file '${w}'`).join("\n")).join("\n"));
  const speech = join(work, "speech-10min.wav");
  ffmpeg(["-f", "concat", "-safe", "0", "-i", list, "-t", String(SECONDS), "-c:a", "pcm_s16le", speech]);
  const webm = join(work, "speech-10min.webm");
  const m4a = join(work, "speech-10min.m4a");
  // What Obsidian's recorder writes: Opus in WebM at 48 kHz; AAC in M4A (44.1 kHz here, so our resampler works).
  ffmpeg(["-i", speech, "-c:a", "libopus", "-b:a", "32k", "-ar", "48000", webm]);
  ffmpeg(["-i", speech, "-c:a", "aac", "-b:a", "64k", "-ar", "44100", m4a]);
  return { webm, m4a };
}
