import { languageCode } from "./server-languages";
import type { WhisperResult, WhisperSegment } from "./whisper-port";
import type { HttpResponse } from "../http/http-transport";

/** Why a server answer could not be used; `retryable` says whether asking again may help. */
export class ServerAnswerError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** Seconds the server asked us to wait (Retry-After), when it said. */
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = "ServerAnswerError";
  }
}

type Json = Record<string, unknown>;

/**
 * Reads what an OpenAI-compatible transcription endpoint answered: verbose_json (segments),
 * json or text (one segment over the whole clip), or an SSE stream of any of these (speaches
 * with stream=true, vLLM's deltas, OpenAI's transcript.text events). `clipSec` is the length of
 * the audio sent, for answers without times.
 */
export function parseTranscriptionAnswer(response: HttpResponse, clipSec: number): WhisperResult {
  if (response.status < 200 || response.status > 299) throw statusError(response);
  const type = response.headers["content-type"] ?? "";
  const body = response.body;
  if (type.includes("text/event-stream") || /^\s*(data|event):/.test(body)) return fromEvents(body, clipSec);
  if (type.includes("text/html") || /^\s*<(!doctype|html)/i.test(body)) {
    throw new ServerAnswerError(`the server answered with a web page instead of a transcript (${pageTitle(body)}); check the URL`, false);
  }
  if (type.includes("json") || /^\s*[{[]/.test(body)) return fromJson(parseJson(body), clipSec);
  return textOnly(body, clipSec);
}

function fromJson(value: unknown, clipSec: number): WhisperResult {
  if (typeof value !== "object" || value === null) throw new ServerAnswerError("the server's JSON answer holds no transcript", false);
  const json = value as Json;
  if (json.error || json.detail) throw new ServerAnswerError(`the server reported an error: ${errorText(json)}`, false);
  const language = languageCode(json.language);
  if (Array.isArray(json.segments)) return { segments: json.segments.map(toSegment).filter(isSegment), language };
  if (typeof json.text === "string") return { ...textOnly(json.text, clipSec), language };
  throw new ServerAnswerError("the server's JSON answer has neither segments nor text", false);
}

function fromEvents(body: string, clipSec: number): WhisperResult {
  const segments: WhisperSegment[] = [];
  let text = "";
  let language: string | undefined;
  for (const data of sseData(body)) {
    if (data === "[DONE]") continue;
    const event = parseJson(data) as Json;
    if (event.error) throw new ServerAnswerError(`the server reported an error while streaming: ${errorText(event)}`, true);
    language ??= languageCode(event.language);
    if (Array.isArray(event.segments)) segments.push(...event.segments.map(toSegment).filter(isSegment));
    else if (typeof event.start === "number") {
      const segment = toSegment(event);
      if (segment) segments.push(segment);
    } else if (event.type === "transcript.text.done" && typeof event.text === "string") text = event.text;
    else if (typeof event.delta === "string") text += event.delta;
    else if (typeof event.text === "string") text += event.text;
    else text += deltaContent(event);
  }
  if (segments.length) return { segments, language };
  return { ...textOnly(text, clipSec), language };
}

/** The `data:` payloads of an event stream, multi-line data joined as the SSE spec says. */
function sseData(body: string): string[] {
  const payloads: string[] = [];
  for (const block of body.replace(/\r\n?/g, "\n").split(/\n\n+/)) {
    const lines = block.split("\n").filter((line) => line.startsWith("data:"));
    if (lines.length) payloads.push(lines.map((line) => line.slice(5).replace(/^ /, "")).join("\n"));
  }
  return payloads;
}

/** vLLM streams chat-completion-like chunks: choices[0].delta.content. */
function deltaContent(event: Json): string {
  const choice = Array.isArray(event.choices) ? (event.choices[0] as Json | undefined) : undefined;
  const content = (choice?.delta as Json | undefined)?.content;
  return typeof content === "string" ? content : "";
}

function toSegment(raw: unknown): WhisperSegment | null {
  if (typeof raw !== "object" || raw === null) return null;
  const s = raw as Json;
  if (typeof s.start !== "number" || typeof s.end !== "number" || typeof s.text !== "string") return null;
  if (!Number.isFinite(s.start) || !Number.isFinite(s.end)) return null;
  const segment: WhisperSegment = { start: s.start, end: s.end, text: s.text };
  if (typeof s.no_speech_prob === "number") segment.noSpeechProb = s.no_speech_prob;
  if (typeof s.speaker === "string" || typeof s.speaker === "number") segment.speaker = String(s.speaker);
  return segment;
}

const isSegment = (segment: WhisperSegment | null): segment is WhisperSegment => segment !== null;

function textOnly(text: string, clipSec: number): WhisperResult {
  const trimmed = text.trim();
  return { segments: trimmed ? [{ start: 0, end: clipSec, text: trimmed }] : [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const start = text.trim().slice(0, 60).replace(/\s+/g, " ");
    throw new ServerAnswerError(`the server's answer is not valid JSON (it starts "${start}")`, true);
  }
}

/** OpenAI: {error: {message}}; FastAPI (speaches): {detail}; whisper.cpp: {error: "…"}. */
function errorText(json: Json): string {
  const error = json.error as Json | string | undefined;
  const detail = json.detail;
  const text =
    typeof error === "string" ? error
    : typeof error?.message === "string" ? error.message
    : typeof detail === "string" ? detail
    : JSON.stringify(detail ?? error ?? json);
  return text.slice(0, 300);
}

function pageTitle(body: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(body)?.[1];
  return title?.trim().slice(0, 120) || "no title";
}

function statusError(response: HttpResponse): ServerAnswerError {
  const { status } = response;
  const said = serverSaid(response);
  const retryAfter = Number(response.headers["retry-after"]);
  const wait = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  if (status === 404 || status === 405) {
    return new ServerAnswerError(
      `the server has no transcription endpoint at this address (HTTP ${status}); the URL must end in /v1/audio/transcriptions (whisper.cpp's server needs --inference-path /v1/audio/transcriptions)${said}`,
      false,
    );
  }
  if (status === 401 || status === 403) return new ServerAnswerError(`the server refused the API key (HTTP ${status})${said}`, false);
  if (status === 413) {
    return new ServerAnswerError(`the server refused the audio as too large (HTTP 413); raise its upload limit or send VAD-cut chunks instead of whole files${said}`, false);
  }
  if (status === 408 || status === 429) return new ServerAnswerError(`the server is busy (HTTP ${status})${said}`, true, wait);
  if (status >= 500) return new ServerAnswerError(`the server failed (HTTP ${status})${said}`, true, wait);
  return new ServerAnswerError(`the server rejected the request (HTTP ${status})${said}`, false);
}

/** A short reason from the error body: JSON message, page title, or the first words of text. */
function serverSaid(response: HttpResponse): string {
  const body = response.body.trim();
  if (!body) return "";
  if (/^<(!doctype|html)/i.test(body) || (response.headers["content-type"] ?? "").includes("html")) return `: ${pageTitle(body)}`;
  try {
    const json = JSON.parse(body) as Json;
    return `: ${errorText(json)}`;
  } catch {
    return `: ${body.slice(0, 200).replace(/\s+/g, " ")}`;
  }
}
