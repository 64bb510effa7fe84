/** The plugin's HTTP poster for the optional language model: Obsidian's requestUrl, with a timeout. */
import { requestUrl } from "obsidian";
import type { HttpPost } from "../core/llm/chat-api";

export const requestUrlPost: HttpPost = async (url, body, { timeoutMs, signal }) => {
  let timer: number | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = window.setTimeout(() => reject(new Error(`The model server did not answer within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
    signal?.addEventListener("abort", () => reject(new Error("Cancelled.")), { once: true });
  });
  try {
    const response = await Promise.race([requestUrl({ url, method: "POST", contentType: "application/json", body, throw: false }), timedOut]);
    return { status: response.status, text: response.text };
  } finally {
    window.clearTimeout(timer);
  }
};
