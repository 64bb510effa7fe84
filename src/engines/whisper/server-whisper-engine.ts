import { EngineError } from "../host/engine-error";
import { HttpTransportError, type HttpTransport } from "../http/http-transport";
import type { ServerEngineConfig } from "./server-config";
import { encodeWav16 } from "./pcm-wav";
import { transcriptionRequest, type AudioUpload } from "./server-request";
import { ServerAnswerError, parseTranscriptionAnswer } from "./server-response";
import { DEFAULT_RETRY, retryDelayMs, timerSleep, type RetryPolicy, type Sleep } from "./server-retry";
import { WHISPER_SAMPLE_RATE, type WhisperEngine, type WhisperResult, type WhisperTranscribeOptions } from "./whisper-port";

export interface ServerEngineDeps {
  transport: HttpTransport;
  retry?: RetryPolicy;
  /** Injected so tests run the backoff without waiting. */
  sleep?: Sleep;
  /** Each failed attempt, for the job's progress line (never carries the API key). */
  onRetry?: (attempt: number, reason: string, waitMs: number) => void;
}

/**
 * Whisper on an OpenAI-compatible server (whisper.cpp's whisper-server, speaches, vLLM, OpenAI)
 * behind the same port as the local engines: a VAD-cut chunk goes up as a 16-bit WAV, segments
 * come back on the chunk's time line. Failed attempts are retried with backoff; what finally
 * fails is an EngineError "server-failed" whose message says why in plain words.
 */
export class ServerWhisperEngine implements WhisperEngine {
  readonly description: string;
  private readonly retry: RetryPolicy;
  private readonly sleep: Sleep;

  constructor(
    private readonly config: ServerEngineConfig,
    private readonly deps: ServerEngineDeps,
  ) {
    this.description = `transcription server ${serverName(config.url)}${config.model ? ` (${config.model})` : ""}`;
    this.retry = deps.retry ?? DEFAULT_RETRY;
    this.sleep = deps.sleep ?? timerSleep;
  }

  transcribe(pcm: Float32Array, options: WhisperTranscribeOptions): Promise<WhisperResult> {
    const audio = { bytes: encodeWav16(pcm, WHISPER_SAMPLE_RATE), fileName: "chunk.wav", mimeType: "audio/wav" };
    return this.transcribeUpload(audio, pcm.length / WHISPER_SAMPLE_RATE, options);
  }

  /** The whole recording as recorded, for servers that cut silences themselves. */
  async transcribeUpload(audio: AudioUpload, clipSec: number, options: WhisperTranscribeOptions): Promise<WhisperResult> {
    const request = await transcriptionRequest(this.config, audio, { language: options.language, prompt: options.initialPrompt });
    for (let attempt = 1; ; attempt++) {
      cancelledCheck(options.signal);
      try {
        const response = await this.deps.transport.send(request, options.signal);
        const result = parseTranscriptionAnswer(response, clipSec);
        options.onProgress?.(1);
        return result;
      } catch (error) {
        cancelledCheck(options.signal);
        const { reason, retryable, retryAfterSec } = describeFailure(error);
        if (!retryable || attempt >= this.retry.attempts) {
          const tries = attempt > 1 ? ` (${attempt} attempts)` : "";
          throw new EngineError("server-failed", `Transcription server ${serverName(this.config.url)}: ${reason}${tries}.`);
        }
        const waitMs = retryDelayMs(this.retry, attempt, retryAfterSec);
        this.deps.onRetry?.(attempt, reason, waitMs);
        await this.sleep(waitMs, options.signal).catch(() => cancelledCheck(options.signal));
      }
    }
  }

  async dispose(): Promise<void> {
    // Nothing held: connections belong to the transport.
  }
}

function describeFailure(error: unknown): { reason: string; retryable: boolean; retryAfterSec?: number } {
  if (error instanceof ServerAnswerError) return { reason: error.message, retryable: error.retryable, retryAfterSec: error.retryAfterSec };
  if (error instanceof HttpTransportError) return { reason: error.message, retryable: error.kind !== "too-large" && error.kind !== "cancelled" };
  return { reason: error instanceof Error ? error.message : String(error), retryable: false };
}

function cancelledCheck(signal?: AbortSignal): void {
  if (signal?.aborted) throw new EngineError("cancelled", "Cancelled.");
}

/** host:port only: a URL may carry credentials or tokens in its query, which never reach a message. */
export function serverName(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return "(invalid URL)";
  }
}
