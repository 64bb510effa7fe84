/**
 * The plugin's decoder for the engine host: a recording the host's WebAssembly codecs cannot read
 * (AAC in m4a/mp4/.aac, Ogg Vorbis) is decoded in a Web Worker of Obsidian's renderer with
 * WebCodecs (Electron ships AAC), and written as a 16 kHz mono WAV into the engine cache folder,
 * which the host then reads like any recording. The UI thread only moves bytes: it reads the
 * ranges the worker asks for and appends the PCM it sends, both asynchronously.
 */
import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, readdir, rm, stat } from "node:fs/promises";
import nodePath from "node:path";
import type { ParentDecoderPort } from "../../engines/audio/wav-decoder-port";
import { WavFileWriter } from "../../engines/audio/wav-file-writer";
import { startBlobWorker } from "./blob-worker";
import { runWorkerDecode, type DecodeWorkerHandle, type RecordingBytes } from "./worker-decode-session";

export class RendererWavDecoder implements ParentDecoderPort {
  private readonly sources = new Map<string, Promise<string>>();
  private swept = false;

  constructor(
    /** Where the WAVs go: a folder of the engine cache, outside every vault. */
    private readonly folder: string,
    private readonly startWorker: (source: string) => DecodeWorkerHandle = startBlobWorker,
  ) {}

  async toWav(absPath: string, workerScript: string | undefined, signal: AbortSignal): Promise<string> {
    if (!workerScript) throw new Error("the engine host sent no decode worker");
    const source = await this.workerSource(workerScript);
    await mkdir(this.folder, { recursive: true });
    if (!this.swept) await this.sweepLeftovers();
    const wav = await WavFileWriter.create(nodePath.join(this.folder, `${randomUUID()}.wav`));
    const recording = await open(absPath, "r");
    try {
      const bytes: RecordingBytes = { size: (await recording.stat()).size, read: (start, end) => readRange(recording, start, end) };
      await runWorkerDecode(this.startWorker(source), bytes, (samples) => wav.append(samples), signal);
      return await wav.close();
    } catch (error) {
      await wav.discard();
      throw error;
    } finally {
      await recording.close();
    }
  }

  /** WAVs a crash left behind (the engine client deletes them after each job otherwise). */
  private async sweepLeftovers(): Promise<void> {
    this.swept = true;
    const dayAgo = Date.now() - 24 * 3600_000;
    for (const name of await readdir(this.folder).catch(() => [])) {
      const file = nodePath.join(this.folder, name);
      const info = await stat(file).catch(() => undefined);
      if (name.endsWith(".wav") && info && info.mtimeMs < dayAgo) await rm(file, { force: true }).catch(() => undefined);
    }
  }

  private workerSource(file: string): Promise<string> {
    let source = this.sources.get(file);
    if (!source) {
      source = readFile(file, "utf8");
      source.catch(() => this.sources.delete(file));
      this.sources.set(file, source);
    }
    return source;
  }
}

/** Bytes [start, end) in a buffer of their own (it is transferred to the worker). */
async function readRange(file: { read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }> }, start: number, end: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(end - start);
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await file.read(buffer, done, buffer.length - done, start + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === buffer.length ? buffer : buffer.slice(0, done);
}
