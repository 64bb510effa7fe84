import type { HttpRequest } from "../http/http-transport";
import type { ServerEngineConfig } from "./server-config";

export interface AudioUpload {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

export interface TranscriptionAsk {
  /** "auto" sends no language: OpenAI rejects "auto", and other servers then detect it. */
  language: string;
  prompt?: string;
}

/**
 * The multipart request of OpenAI's `POST /v1/audio/transcriptions`. The platform's FormData
 * and Response write the multipart body and boundary (no hand-written encoder); the bytes are
 * then handed to whichever transport carries them.
 */
export async function transcriptionRequest(config: ServerEngineConfig, audio: AudioUpload, ask: TranscriptionAsk): Promise<HttpRequest> {
  const form = new FormData();
  form.append("file", new Blob([audio.bytes as Uint8Array<ArrayBuffer>], { type: audio.mimeType }), audio.fileName);
  if (config.model) form.append("model", config.model);
  if (ask.language && ask.language !== "auto") form.append("language", ask.language);
  if (ask.prompt) form.append("prompt", ask.prompt);
  if (ask.prompt && config.hotwords) form.append("hotwords", ask.prompt);
  form.append("response_format", "verbose_json");
  form.append("timestamp_granularities[]", "segment");
  if (config.stream) form.append("stream", "true");
  const encoded = new Response(form);
  const headers: Record<string, string> = {
    "content-type": encoded.headers.get("content-type") ?? "multipart/form-data",
    accept: "application/json, text/event-stream, text/plain",
  };
  const key = config.apiKey?.trim();
  if (key) headers.authorization = `Bearer ${key}`;
  return {
    url: config.url,
    method: "POST",
    headers,
    body: new Uint8Array(await encoded.arrayBuffer()),
    timeoutMs: config.timeoutSec * 1000,
  };
}
