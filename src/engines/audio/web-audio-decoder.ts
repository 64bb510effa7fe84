import { EngineError } from "../host/engine-error";
import { guardStep } from "./decode-guard";
import { downmixToMono } from "./packet-decoder";
import { TARGET_SAMPLE_RATE, type AudioDecoderPort, type DecodeOptions, type DecodedPcm } from "./pcm-types";

/** The slice of OfflineAudioContext this adapter needs (Obsidian's Chromium, or node-web-audio-api in tests). */
export interface OfflineContextLike {
  decodeAudioData(data: ArrayBuffer): Promise<AudioBufferLike>;
}
export interface AudioBufferLike {
  readonly numberOfChannels: number;
  readonly length: number;
  readonly sampleRate: number;
  getChannelData(channel: number): Float32Array;
}
export type OfflineContextFactory = (options: { numberOfChannels: number; length: number; sampleRate: number }) => OfflineContextLike;

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/**
 * The decoder port over the app's own Web Audio: Chromium's decodeAudioData (FFmpeg inside
 * Electron) reads WebM/Opus, M4A/AAC, MP3, WAV, Ogg and FLAC and resamples to the context's
 * rate, so a 16 kHz context yields Whisper's input directly. Whole-file only: the renderer
 * holds the decoded recording in memory, so long recordings belong in the engine host's
 * streaming Node decoder. Example in the plugin:
 *   new WebAudioDecoder((o) => new OfflineAudioContext(o), (p) => app.vault.adapter.readBinary(p).then((b) => new Uint8Array(b)))
 */
export class WebAudioDecoder implements AudioDecoderPort {
  constructor(
    private readonly createContext: OfflineContextFactory,
    private readonly readBytes?: (path: string) => Promise<Uint8Array>,
  ) {}

  async decodeToPcm16kMono(source: string | Uint8Array, options: DecodeOptions = {}): Promise<DecodedPcm> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const bytes = typeof source === "string" ? await this.read(source) : source;
    if (bytes.byteLength === 0) throw new EngineError("empty-file", "The recording is empty (0 bytes).");
    // decodeAudioData detaches the buffer it gets; hand it a copy so the caller's bytes survive.
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const context = this.createContext({ numberOfChannels: 1, length: 1, sampleRate: TARGET_SAMPLE_RATE });
    let buffer: AudioBufferLike;
    try {
      buffer = await guardStep(context.decodeAudioData(copy), options.signal, timeoutMs, "decoding the recording");
    } catch (error) {
      if (error instanceof EngineError) throw error;
      throw toDecodeError(error);
    }
    if (buffer.sampleRate !== TARGET_SAMPLE_RATE) {
      throw new EngineError("internal", `Web Audio returned ${buffer.sampleRate} Hz instead of ${TARGET_SAMPLE_RATE} Hz.`);
    }
    const planes: Float32Array[] = [];
    for (let c = 0; c < buffer.numberOfChannels; c++) planes.push(buffer.getChannelData(c));
    const samples = downmixToMono(planes, buffer.length).slice();
    if (samples.length === 0) throw new EngineError("corrupt-media", "The recording contains no decodable audio.");
    return {
      samples,
      sampleRate: TARGET_SAMPLE_RATE,
      durationSec: samples.length / TARGET_SAMPLE_RATE,
      source: { container: "unknown (Web Audio)", codec: "unknown (Web Audio)", sampleRate: TARGET_SAMPLE_RATE, channels: buffer.numberOfChannels },
    };
  }

  private async read(path: string): Promise<Uint8Array> {
    if (!this.readBytes) throw new EngineError("internal", "WebAudioDecoder needs a readBytes function to open paths.");
    try {
      return await this.readBytes(path);
    } catch {
      throw new EngineError("missing-file", "The file no longer exists (it was moved, renamed or deleted).");
    }
  }
}

function toDecodeError(error: unknown): EngineError {
  const message = error instanceof Error ? error.message : String(error);
  if (/unsupported/i.test(message)) return new EngineError("unsupported-media", `This audio format cannot be decoded here: ${message}`);
  return new EngineError("corrupt-media", `The recording could not be decoded (damaged, truncated or not audio): ${message}`);
}
