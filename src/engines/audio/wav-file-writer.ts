import { open, rm, type FileHandle } from "node:fs/promises";
import { int16Samples, wav16Header } from "../whisper/pcm-wav";
import { TARGET_SAMPLE_RATE } from "./pcm-types";

/**
 * Writes 16 kHz mono samples to a 16-bit WAV file as they come (the renderer's decode of a long
 * recording never sits in memory); the header's sizes are filled in when it is closed.
 */
export class WavFileWriter {
  private bytes = 0;

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
  ) {}

  static async create(path: string): Promise<WavFileWriter> {
    const file = await open(path, "w");
    await file.write(wav16Header(0, TARGET_SAMPLE_RATE), 0, 44, 0);
    return new WavFileWriter(path, file);
  }

  async append(samples: Float32Array): Promise<void> {
    const body = int16Samples(samples);
    await this.file.write(body, 0, body.length, 44 + this.bytes);
    this.bytes += body.length;
  }

  async close(): Promise<string> {
    await this.file.write(wav16Header(this.bytes, TARGET_SAMPLE_RATE), 0, 44, 0);
    await this.file.close();
    return this.path;
  }

  /** Closes and deletes a file that will not be finished (failed or cancelled decode). */
  async discard(): Promise<void> {
    await this.file.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}

