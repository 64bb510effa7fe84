/**
 * The optional language model, behind a port: any OpenAI-compatible chat endpoint or Ollama
 * at an address the user gives. Off by default; when on, it may rewrite an entry's title, key
 * points and photo description, and every figure or quote it returns is checked against the
 * transcript and recognised text (verify.ts). It never blocks an entry: on any failure or
 * timeout the local result stands (refine.ts).
 */

/** A picture sent with a message, for vision models. */
export interface ChatImage {
  mime: string;
  base64: string;
}

export interface ChatMessage {
  role: "system" | "user";
  content: string;
  images?: ChatImage[];
}

export interface CompleteOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface LanguageModelPort {
  /** The model's reply text; rejects on HTTP errors, malformed replies and timeouts. */
  complete(messages: ChatMessage[], options: CompleteOptions): Promise<string>;
}

export type LanguageModelApi = "openai" | "ollama";

export interface LanguageModelSettings {
  enabled: boolean;
  api: LanguageModelApi;
  /** Base address, e.g. http://127.0.0.1:11434 (Ollama) or http://127.0.0.1:8080 (llama.cpp server). */
  url: string;
  model: string;
  timeoutMs: number;
}

export const DEFAULT_LANGUAGE_MODEL_SETTINGS: LanguageModelSettings = {
  enabled: false,
  api: "ollama",
  url: "http://127.0.0.1:11434",
  model: "",
  timeoutMs: 20_000,
};
