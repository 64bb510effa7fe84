/** How to reach an OpenAI-compatible transcription server (device-local settings, docs/server.md). */
export interface ServerEngineConfig {
  /** Full endpoint, e.g. http://gpu-box:8000/v1/audio/transcriptions. */
  url: string;
  /** Model name the server knows, e.g. "Systran/faster-whisper-large-v3"; empty sends none. */
  model: string;
  /** Sent as a Bearer token only when not empty; never logged, never in data.json. */
  apiKey?: string;
  /** One request, upload to last byte. */
  timeoutSec: number;
  /** Ask for SSE (speaches streams segments; servers without streaming ignore it). */
  stream?: boolean;
  /** Also send the vocabulary as `hotwords` (speaches / faster-whisper). */
  hotwords?: boolean;
}
