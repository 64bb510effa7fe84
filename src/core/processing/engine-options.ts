/**
 * Options the engine host needs for one job. Device-local values (binary and model paths)
 * come from the device settings, never from the synced data.json.
 */
export type LogLanguage = "es" | "en";

export type WhisperEngineChoice = "native" | "wasm";

export interface EngineOptions {
  logLanguage: LogLanguage;
  /** Folder for downloaded models (outside the vault's synced plugin data). */
  modelsDir: string;
  /** Custom or downloaded ggml Whisper model; undefined when none is installed. */
  whisperModelPath?: string;
  /** Optional whisper.cpp CLI binary, used instead of the built-in engines (docs/engines.md). */
  whisperCliPath?: string;
  /**
   * Which built-in Whisper engine: "native" (the addon, else the prebuilt binding) or "wasm"
   * (whisper.cpp as WebAssembly, no native module). Unset: BITACORA_WHISPER_ENGINE, else native.
   */
  whisperEngine?: WhisperEngineChoice;
  /** "auto" or an ISO-639-1 code such as "es" or "en". */
  whisperLanguage: string;
  /** Initial prompt (topic names and aliases) so project terms are spelled as the vault spells them. */
  initialPrompt?: string;
  threads: number;
  /** Hard limit for one job, in seconds. */
  timeoutSec: number;
  /** GPS coordinates are written only when the user enables it. */
  includeGps: boolean;
  /** What describes what a photo shows besides its text: nothing, the local ONNX model, or Ollama. */
  captioner?: "none" | "onnx" | "ollama";
  /** Transcription server, only when the user set its URL (nothing is sent otherwise). */
  server?: ServerOptions;
  /** Optional local vision model served by Ollama (loopback by default). */
  ollama?: { url: string; model: string };
}

export interface ServerOptions {
  url: string;
  model: string;
  /** Bearer token; absent when empty (no Authorization header at all). */
  apiKey?: string;
  timeoutSec: number;
  fallbackToLocal: boolean;
  wholeFile: boolean;
  hotwords: boolean;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  logLanguage: "es",
  modelsDir: "",
  whisperLanguage: "auto",
  threads: 2,
  timeoutSec: 3600,
  includeGps: false,
};
