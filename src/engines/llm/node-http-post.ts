/**
 * The command line's HTTP poster for the optional language model (the plugin uses Obsidian's
 * requestUrl, request-url-post.ts): node:http/https with a timeout and cancellation.
 */
import http from "node:http";
import https from "node:https";
import type { HttpPost } from "../../core/llm/chat-api";

export const nodeHttpPost: HttpPost = (url, body, { timeoutMs, signal }) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(target, { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, text });
      });
      response.on("error", fail);
    });
    const timer = setTimeout(() => fail(new Error(`The model server did not answer within ${Math.round(timeoutMs / 1000)} s (timeout).`)), timeoutMs);
    function fail(error: Error): void {
      clearTimeout(timer);
      request.destroy();
      reject(error);
    }
    signal?.addEventListener("abort", () => fail(new Error("Cancelled.")), { once: true });
    request.on("error", fail);
    request.end(body);
  });
