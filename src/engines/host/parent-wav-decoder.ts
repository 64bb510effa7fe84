import type { WavDecoderPort } from "../audio/wav-decoder-port";
import { cancelledError, EngineError } from "./engine-error";
import { ParentCalls } from "./parent-calls";
import type { HostRequest, HostResponse } from "./protocol";

type Answer = Extract<HostRequest, { type: "decoded" | "decode-failed" }>;

/**
 * Decoding in the parent: the engine host asks the plugin, which decodes in Obsidian's renderer
 * (WebCodecs in a Web Worker, src/obsidian/renderer-decode) and answers with a 16 kHz WAV's path.
 * `workerScript` is where the host extracted the worker's code from main.js's payload.
 */
export class ParentWavDecoder implements WavDecoderPort {
  private readonly calls: ParentCalls<string>;

  constructor(
    private readonly post: (message: HostResponse) => void,
    private readonly workerScript: () => string | undefined,
  ) {
    this.calls = new ParentCalls<string>((id) => post({ type: "decode-cancel", id }), () => cancelledError());
  }

  toWav(absPath: string, signal?: AbortSignal): Promise<string> {
    return this.calls.call(signal, (id) => this.post({ type: "decode", id, absPath, workerScript: this.workerScript() }));
  }

  answer(message: Answer): void {
    this.calls.settle(message.id, message.type === "decoded" ? { value: message.wavPath } : { error: message.cancelled ? cancelledError() : new EngineError("unsupported-media", message.message) });
  }
}
