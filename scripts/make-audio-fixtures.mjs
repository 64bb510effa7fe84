#!/usr/bin/env node
/**
 * Regenerates the small audio fixtures in test/fixtures/audio/ (committed; CI has no ffmpeg).
 * Needs Debian's ffmpeg, espeak-ng and sox: apt-get install -y ffmpeg espeak-ng sox
 * Every tool is spawned with an argument array (no shell).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const out = join(import.meta.dirname, "..", "test", "fixtures", "audio");
const scratch = join(out, ".scratch");
mkdirSync(scratch, { recursive: true });

function run(tool, args) {
  const result = spawnSync(tool, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed (${result.status ?? result.error})`);
}
const ffmpeg = (...args) => run("ffmpeg", ["-loglevel", "error", "-y", ...args]);
const f = (name) => join(out, name);

// 1. Spanish speech, ~3 s, from espeak-ng (known words; a pause in the middle).
const speech = join(scratch, "speech.wav");
run("espeak-ng", ["-v", "es-419", "-s", "150", "-w", speech, "Revisión de optimizaciones del modelo. Los resultados son buenos."]);

// 2. The same speech in every container/codec the watcher accepts.
ffmpeg("-i", speech, "-ar", "48000", "-c:a", "libopus", "-b:a", "24k", f("speech-es.webm"));
// Obsidian's recorder (Chromium MediaRecorder) writes WebM without duration or cues: "live" mode.
ffmpeg("-i", speech, "-ar", "48000", "-ac", "2", "-c:a", "libopus", "-b:a", "32k", "-live", "1", "-f", "webm", f("speech-es-recorder-stereo.webm"));
// ffmpeg's AAC encoder fills some bands with noise (PNS) that decoders draw at random; this one
// is encoded without it so the batch-seam test can demand identical samples.
ffmpeg("-i", speech, "-ar", "44100", "-c:a", "aac", "-aac_pns", "0", "-b:a", "48k", f("speech-es.m4a"));
// Fragmented MP4 (what MediaRecorder and some phones write): moov first, then moof/mdat pairs.
ffmpeg("-i", speech, "-ar", "48000", "-c:a", "aac", "-b:a", "48k", "-movflags", "frag_keyframe+empty_moov", "-f", "mp4", f("speech-es-fragmented.mp4"));
ffmpeg("-i", speech, "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "48k", f("speech-es.mp3"));
ffmpeg("-i", speech, "-ar", "22050", "-c:a", "pcm_s16le", f("speech-es.wav"));
ffmpeg("-i", speech, "-ar", "44100", "-c:a", "libvorbis", "-q:a", "0", f("speech-es.ogg"));
ffmpeg("-i", speech, "-c:a", "libopus", "-b:a", "24k", f("speech-es.opus"));
ffmpeg("-i", speech, "-ar", "16000", "-c:a", "flac", f("speech-es.flac"));
ffmpeg("-i", speech, "-ar", "44100", "-c:a", "aac", "-b:a", "48k", "-f", "adts", f("speech-es.aac"));

// 3. Tones for the resampling test (decoder path): 1 kHz at 44.1 kHz, and 12 kHz at 48 kHz (must vanish at 16 kHz).
run("sox", ["-n", "-r", "44100", "-b", "16", "-c", "1", f("tone-1k-44100.wav"), "synth", "0.5", "sine", "1000", "vol", "0.5"]);
run("sox", ["-n", "-r", "48000", "-b", "16", "-c", "1", f("tone-12k-48000.wav"), "synth", "0.5", "sine", "12000", "vol", "0.5"]);

// 4. No speech: digital silence, and room noise (pink noise with a 50 Hz hum, quiet) — the VAD must find nothing.
run("sox", ["-n", "-r", "16000", "-c", "1", f("silence-5s.flac"), "trim", "0", "5"]);
const noise = join(scratch, "noise.wav");
run("sox", ["-n", "-r", "16000", "-c", "1", noise, "synth", "8", "pinknoise", "vol", "0.05", "synth", "8", "sine", "amod", "50"]);
ffmpeg("-i", noise, "-c:a", "libopus", "-b:a", "24k", f("room-noise-8s.webm"));
const hum = join(scratch, "hum.wav");
run("sox", ["-n", "-r", "16000", "-c", "1", hum, "synth", "8", "brownnoise", "vol", "0.1", "synth", "8", "sine", "mix", "50", "vol", "0.5"]);
ffmpeg("-i", hum, "-c:a", "libopus", "-b:a", "24k", f("brown-noise-hum-8s.webm"));

rmSync(scratch, { recursive: true, force: true });
console.log(`fixtures written to ${out}`);
