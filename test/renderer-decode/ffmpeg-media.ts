/**
 * Test recordings made by ffmpeg at test time, and ffmpeg's own decode of them as the reference
 * (brought to 16 kHz mono by our resampler, so only the decoding differs). Spawned with argument
 * arrays.
 */
import { spawnSync } from "node:child_process";
import { downmixToMono } from "../../src/engines/audio/packet-decoder";
import { resample } from "../../src/engines/audio/sinc-resampler";

export function hasFfmpeg(): boolean {
  return spawnSync("ffmpeg", ["-version"]).status === 0;
}

export function ffmpeg(args: string[]): void {
  const run = spawnSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`ffmpeg ${args.join(" ")} failed: ${run.stderr}`);
}

/** ffmpeg's decode of `file` at its own rate, channels averaged, then our resampler to 16 kHz. */
export function ffmpegReference16k(file: string): Float32Array {
  const probe = spawnSync("ffprobe", ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=sample_rate,channels", "-of", "json", file], { encoding: "utf8" });
  const stream = (JSON.parse(probe.stdout) as { streams: { sample_rate: string; channels: number }[] }).streams[0];
  const decoded = spawnSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-i", file, "-map", "0:a:0", "-f", "f32le", "-acodec", "pcm_f32le", "-"], { maxBuffer: 1 << 30 });
  if (decoded.status !== 0) throw new Error(`ffmpeg could not decode ${file}: ${decoded.stderr.toString()}`);
  const bytes = decoded.stdout;
  const interleaved = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const frames = Math.floor(interleaved.length / stream.channels);
  const planes = Array.from({ length: stream.channels }, (_, c) => {
    const plane = new Float32Array(frames);
    for (let i = 0; i < frames; i++) plane[i] = interleaved[i * stream.channels + c];
    return plane;
  });
  return resample(downmixToMono(planes), Number(stream.sample_rate), 16000);
}

/** Signal-to-noise ratio of `actual` against `reference` over their common length, in dB. */
export function snrDb(reference: Float32Array, actual: Float32Array): number {
  const n = Math.min(reference.length, actual.length);
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < n; i++) {
    signal += reference[i] * reference[i];
    noise += (reference[i] - actual[i]) ** 2;
  }
  return 10 * Math.log10(signal / Math.max(noise, 1e-20));
}
