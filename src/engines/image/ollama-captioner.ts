/**
 * A vision model served by Ollama (llava, llama3.2-vision, qwen2.5vl, gemma3…) at a
 * user-configured URL, loopback by default. Asked for JSON in the log's language so the
 * answer carries a description and a people count. The engine host speaks Node http; a
 * plugin-side twin would use Obsidian's requestUrl instead.
 */
import http from "node:http";
import https from "node:https";
import type { LogLanguage } from "../../core/processing/engine-options";
import { EngineError, throwIfCancelled } from "../host/engine-error";
import type { CaptionResult, Captioner } from "./captioner";
import type { PhotoDecoder } from "./image-rules";

export const DEFAULT_OLLAMA_URL = "http://127.0.0.1:11434";

const PROMPTS: Record<LogLanguage, string> = {
  es:
    "Describe esta foto en una o dos frases en español, para una bitácora de investigación: qué se ve, " +
    'el lugar y lo que hacen las personas. Responde solo con JSON: {"description": "…", "people": número de personas visibles}.',
  en:
    "Describe this photo in one or two sentences in English, for a research log: what is shown, the place " +
    'and what people are doing. Answer only with JSON: {"description": "…", "people": number of visible people}.',
};

const ANSWER_SCHEMA = {
  type: "object",
  properties: { description: { type: "string" }, people: { type: "integer" } },
  required: ["description", "people"],
};

function postJson(url: URL, body: unknown, signal: AbortSignal, timeoutMs: number): Promise<{ status: number; text: string }> {
  const payload = Buffer.from(JSON.stringify(body));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      { method: "POST", headers: { "content-type": "application/json", "content-length": payload.length }, signal, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    request.on("error", reject);
    request.end(payload);
  });
}

/** The model's answer: JSON as asked, or plain prose from models that ignore the format. */
export function parseOllamaAnswer(answer: string): { description: string; people?: number } | undefined {
  const trimmed = answer.trim();
  const json = trimmed.match(/\{[\s\S]*\}/)?.[0];
  if (json) {
    try {
      const parsed = JSON.parse(json) as { description?: unknown; people?: unknown };
      if (typeof parsed.description === "string" && parsed.description.trim()) {
        const people = typeof parsed.people === "number" && Number.isFinite(parsed.people) && parsed.people >= 0 ? Math.round(parsed.people) : undefined;
        return { description: parsed.description.trim(), people };
      }
    } catch {
      // fall through to prose
    }
  }
  return trimmed && !trimmed.startsWith("{") ? { description: trimmed } : undefined;
}

export class OllamaCaptioner implements Captioner {
  readonly name: string;

  constructor(
    private readonly baseUrl: string,
    private readonly model: string,
    /** Prepares the picture it sends (sharp or the WebAssembly decoder, as the host wires it). */
    private readonly decoder: Pick<PhotoDecoder, "visionImage">,
    private readonly timeoutMs = 120_000,
  ) {
    this.name = `ollama:${model}`;
  }

  async caption(absPath: string, language: LogLanguage, signal: AbortSignal): Promise<CaptionResult | undefined> {
    const image = await this.decoder.visionImage(absPath, 1024);
    const url = new URL("/api/generate", this.baseUrl);
    const body = {
      model: this.model,
      prompt: PROMPTS[language],
      images: [image.toString("base64")],
      stream: false,
      format: ANSWER_SCHEMA,
      options: { temperature: 0 },
    };
    let reply: { status: number; text: string };
    try {
      reply = await postJson(url, body, signal, this.timeoutMs);
    } catch (error) {
      throwIfCancelled(signal);
      throw new EngineError("no-model", `Ollama at ${url.origin} did not answer: ${(error as Error).message}`);
    }
    if (reply.status === 404) throw new EngineError("no-model", `Ollama has no model "${this.model}" (run: ollama pull ${this.model}).`);
    if (reply.status !== 200) throw new EngineError("no-model", `Ollama answered HTTP ${reply.status}: ${reply.text.slice(0, 200)}`);
    let response: string;
    try {
      const parsed = (JSON.parse(reply.text) as { response?: unknown }).response;
      response = typeof parsed === "string" ? parsed : "";
    } catch {
      throw new EngineError("internal", "Ollama's answer was not JSON.");
    }
    const answer = parseOllamaAnswer(response);
    if (!answer) return undefined;
    return { text: answer.description, language, source: this.name, peopleCount: answer.people };
  }
}
