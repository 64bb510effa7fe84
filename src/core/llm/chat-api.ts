/**
 * The two chat APIs the optional model speaks, over an injected HTTP poster (Node's fetch in the
 * CLI, Obsidian's requestUrl in the plugin): OpenAI-compatible `/v1/chat/completions` and
 * Ollama's `/api/chat`. Pure: building requests and reading replies.
 */
import type { ChatMessage, CompleteOptions, LanguageModelPort, LanguageModelSettings } from "./language-model";

export interface HttpReply {
  status: number;
  text: string;
}

/** POSTs a JSON body; rejects when the request cannot be made or `timeoutMs` passes. */
export type HttpPost = (url: string, body: string, options: CompleteOptions) => Promise<HttpReply>;

export class LanguageModelError extends Error {}

function endpoint(settings: Pick<LanguageModelSettings, "api" | "url">): string {
  const base = settings.url.replace(/\/+$/, "");
  return settings.api === "ollama" ? `${base}/api/chat` : `${base}${/\/v1$/.test(base) ? "" : "/v1"}/chat/completions`;
}

/** Each API's message shape: Ollama takes bare base64 images; OpenAI-compatible servers take content parts with data URLs. */
function wireMessage(api: LanguageModelSettings["api"], { role, content, images }: ChatMessage): object {
  if (!images?.length) return { role, content };
  if (api === "ollama") return { role, content, images: images.map((image) => image.base64) };
  const pictures = images.map((image) => ({ type: "image_url", image_url: { url: `data:${image.mime};base64,${image.base64}` } }));
  return { role, content: [{ type: "text", text: content }, ...pictures] };
}

function requestBody(settings: Pick<LanguageModelSettings, "api" | "model">, messages: ChatMessage[]): string {
  const wire = messages.map((message) => wireMessage(settings.api, message));
  return settings.api === "ollama"
    ? JSON.stringify({ model: settings.model, messages: wire, stream: false, format: "json", options: { temperature: 0 } })
    : JSON.stringify({ model: settings.model, messages: wire, temperature: 0 });
}

function replyText(api: LanguageModelSettings["api"], body: string): string {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new LanguageModelError("The model server's reply is not JSON.");
  }
  const record = data as { choices?: { message?: { content?: unknown } }[]; message?: { content?: unknown } };
  const content = api === "ollama" ? record?.message?.content : record?.choices?.[0]?.message?.content;
  if (typeof content !== "string") throw new LanguageModelError("The model server's reply has no message text.");
  return content;
}

export function chatLanguageModel(settings: Pick<LanguageModelSettings, "api" | "url" | "model">, post: HttpPost): LanguageModelPort {
  return {
    async complete(messages, options) {
      const reply = await post(endpoint(settings), requestBody(settings, messages), options);
      if (reply.status < 200 || reply.status >= 300) throw new LanguageModelError(`The model server answered HTTP ${reply.status}.`);
      return replyText(settings.api, reply.text);
    },
  };
}
