/**
 * The Chromium test page's script (bundled by chromium-page.ts at test time): the plugin's own
 * main-thread session and blob worker, with the recording read through HTTP ranges from the
 * loopback server instead of Node's fs (the page has no Node).
 */
import { startBlobWorker } from "../../src/obsidian/renderer-decode/blob-worker";
import { runWorkerDecode, type RecordingBytes } from "../../src/obsidian/renderer-decode/worker-decode-session";

async function httpBytes(url: string): Promise<RecordingBytes> {
  const head = await fetch(url, { method: "HEAD" });
  const size = Number(head.headers.get("content-length"));
  return {
    size,
    read: async (start, end) => {
      const response = await fetch(url, { headers: { range: `bytes=${start}-${end - 1}` } });
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** Decodes the recording at `url` with the worker code at `workerUrl`; `keep` false only counts samples (the benchmark). */
async function decodeUrl(url: string, keep: boolean, workerUrl: string) {
  const worker = startBlobWorker(await (await fetch(workerUrl)).text());
  const blocks: Float32Array[] = [];
  const started = performance.now();
  try {
    const result = await runWorkerDecode(worker, await httpBytes(url), async (samples) => {
      if (keep) blocks.push(samples);
    });
    const ms = performance.now() - started;
    const all = new Float32Array(result.samples);
    let at = 0;
    for (const block of blocks) {
      all.set(block, at);
      at += block.length;
    }
    // base64 of the float bytes: puppeteer moves strings, not typed arrays.
    let binary = "";
    const bytes = new Uint8Array(all.buffer);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { ok: true as const, info: result.info, samples: result.samples, ms, pcmBase64: keep ? btoa(binary) : "" };
  } catch (error) {
    return { ok: false as const, code: (error as { code?: string }).code, message: (error as Error).message };
  }
}

(globalThis as unknown as { decodeUrl: typeof decodeUrl }).decodeUrl = decodeUrl;
