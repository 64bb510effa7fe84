import { EngineError } from "../host/engine-error";
import type { WhisperEngine, WhisperResult, WhisperTranscribeOptions } from "./whisper-port";

/**
 * The server engine, and when the user allows it, the local engine once the server has failed
 * (after its retries): the rest of the recording stays local, so one job never waits on the
 * same dead server for every chunk. Without a local model the server's reason is kept, with
 * the local one added.
 */
export class ServerWithLocalFallback implements WhisperEngine {
  private local: WhisperEngine | null = null;

  constructor(
    private readonly server: WhisperEngine,
    /** Resolves the local engine only when needed (it may throw "no-model"). */
    private readonly openLocal: () => Promise<WhisperEngine>,
    private readonly onFallback: (reason: string) => void = () => undefined,
  ) {}

  get description(): string {
    return this.local ? `${this.local.description} (server failed)` : this.server.description;
  }

  /** True once a chunk went to the local engine. */
  get fellBack(): boolean {
    return this.local !== null;
  }

  async transcribe(pcm: Float32Array, options: WhisperTranscribeOptions): Promise<WhisperResult> {
    if (this.local) return this.local.transcribe(pcm, options);
    try {
      return await this.server.transcribe(pcm, options);
    } catch (error) {
      if (!(error instanceof EngineError) || error.code !== "server-failed") throw error;
      try {
        this.local = await this.openLocal();
      } catch (localError) {
        const why = localError instanceof Error ? localError.message : String(localError);
        throw new EngineError("server-failed", `${error.message} The local engine could not take over: ${why}`);
      }
      this.onFallback(error.message);
      return this.local.transcribe(pcm, options);
    }
  }

  async dispose(): Promise<void> {
    await this.server.dispose();
  }
}
