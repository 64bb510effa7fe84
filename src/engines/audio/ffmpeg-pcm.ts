import { spawn } from "node:child_process";
import { EngineError, cancelledError } from "../host/engine-error";
import { TARGET_SAMPLE_RATE } from "./pcm-types";
import { findInstalledCommand, installedCommandCandidates } from "../system/installed-command";

/** The ffmpeg the user installed (PATH, Homebrew, winget, scoop...), or undefined. Never downloaded. */
export function findFfmpeg(candidates = installedCommandCandidates("ffmpeg")): string | undefined {
  return findInstalledCommand(candidates);
}

/**
 * The recording decoded by the user's ffmpeg to 16 kHz mono float samples, streamed from its
 * standard output (flat memory). Spawned with an argument array, never a shell string; killed on
 * abort or when the reader stops early.
 */
export async function* ffmpegPcm16kMono(ffmpeg: string, absPath: string, signal?: AbortSignal): AsyncGenerator<Float32Array> {
  const args = ["-hide_banner", "-loglevel", "error", "-nostdin", "-i", absPath, "-map", "0:a:0", "-ac", "1", "-ar", String(TARGET_SAMPLE_RATE), "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1"];
  const child = spawn(ffmpeg, args, { stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-1000)));
  const exited = new Promise<number | null>((resolve) => {
    child.on("error", (error) => {
      stderr += ` ${error.message}`;
      resolve(-1);
    });
    child.on("close", (code) => resolve(code));
  });
  const kill = () => child.kill("SIGKILL");
  signal?.addEventListener("abort", kill, { once: true });
  let carry = Buffer.alloc(0);
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw cancelledError();
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const whole = bytes.length - (bytes.length % 4);
      carry = Buffer.from(bytes.subarray(whole));
      if (whole === 0) continue;
      // A fresh, aligned copy: the stream's chunks may sit at any offset of a shared buffer.
      yield new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + whole));
    }
    const code = await exited;
    if (signal?.aborted) throw cancelledError();
    if (code !== 0) throw new EngineError("corrupt-media", `ffmpeg (${ffmpeg}) could not decode the recording: ${stderr.trim() || `exit code ${code}`}.`);
  } finally {
    signal?.removeEventListener("abort", kill);
    if (child.exitCode === null) kill();
  }
}
