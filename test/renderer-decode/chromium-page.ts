/**
 * A real Chromium (Debian's chromium-headless-shell or chromium, driven by puppeteer-core) on a
 * loopback http://127.0.0.1 page, a secure context as Obsidian's app:// is. The page runs the
 * plugin's renderer decode path: the worker built into main.js's payload
 * (dist/payload/renderer-decode-worker.js, `npm run build`) started from a blob: URL, fed with
 * HTTP range reads of the recording. Used by the renderer-decode tests and bench/renderer-decode.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import esbuild from "esbuild";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import type { SourceAudioInfo } from "../../src/engines/audio/pcm-types";

/** The repository: where the tests run from; benches bundled into .tmp/ pass it. */
const REPO = path.resolve(__dirname, "../..");
const workerBundle = (repo: string) => path.join(repo, "dist/payload/renderer-decode-worker.js");

/** The Chromium binary to drive: $BITACORA_CHROMIUM, else Debian's packages; undefined when none is installed. */
export function findChromium(): string | undefined {
  const candidates = [process.env.BITACORA_CHROMIUM, "/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((file): file is string => Boolean(file && existsSync(file)));
}

export type PageDecode =
  | { ok: true; info: SourceAudioInfo; samples: number; ms: number; pcm: Float32Array }
  | { ok: false; code?: string; message: string };

export class ChromiumDecodePage {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly server: http.Server,
    private readonly files: Map<string, string>,
    private readonly workerBundle: string,
  ) {}

  static async start(chromium: string, repo = REPO): Promise<ChromiumDecodePage> {
    const worker = workerBundle(repo);
    if (!existsSync(worker)) throw new Error(`${worker} is missing: run \`npm run build\` first.`);
    const script = (await esbuild.build({ entryPoints: [path.join(repo, "test/renderer-decode/page-entry.ts")], bundle: true, format: "iife", platform: "browser", write: false, logLevel: "silent" })).outputFiles[0].text;
    const files = new Map<string, string>();
    const server = http.createServer((req, res) => serve(req, res, script, files));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => typeof (globalThis as unknown as { decodeUrl?: unknown }).decodeUrl === "function");
    return new ChromiumDecodePage(browser, page, server, files, worker);
  }

  /**
   * Decodes a file of this machine in the page, with the worker built into dist/payload or the one
   * given (e.g. what an engine host extracted from main.js); `keep` false returns no samples (benchmark).
   */
  async decode(file: string, { keep = true, workerScript = this.workerBundle }: { keep?: boolean; workerScript?: string } = {}): Promise<PageDecode> {
    const url = (served: string) => {
      const name = `${this.files.size}-${encodeURIComponent(path.basename(served))}`;
      this.files.set(name, served);
      return `/media/${name}`;
    };
    const result = await this.page.evaluate(
      (mediaUrl, keepSamples, workerUrl) => (globalThis as unknown as { decodeUrl(url: string, keep: boolean, worker: string): Promise<unknown> }).decodeUrl(mediaUrl, keepSamples, workerUrl),
      url(file),
      keep,
      url(workerScript),
    );
    const answer = result as { ok: boolean; pcmBase64?: string } & Record<string, unknown>;
    if (!answer.ok) return answer as PageDecode;
    const bytes = Buffer.from(answer.pcmBase64 ?? "", "base64");
    const pcm = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return { ...(answer as unknown as Omit<Extract<PageDecode, { ok: true }>, "pcm">), pcm };
  }

  /** The browser's process id (the worker runs in one of its renderer processes). */
  browserPid(): number | undefined {
    return this.browser.process()?.pid;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function serve(req: http.IncomingMessage, res: http.ServerResponse, script: string, files: Map<string, string>): void {
  const url = req.url ?? "/";
  if (url === "/") return void res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><script src="/page.js"></script>');
  if (url === "/page.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(script);
  const file = url.startsWith("/media/") ? files.get(url.slice("/media/".length)) : undefined;
  if (!file) return void res.writeHead(404).end();
  const size = statSync(file).size;
  const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? "");
  if (req.method === "HEAD") return void res.writeHead(200, { "content-length": size, "accept-ranges": "bytes" }).end();
  if (!range) return void createReadStream(file).pipe(res.writeHead(200, { "content-length": size, "content-type": "application/octet-stream" }));
  const start = Number(range[1]);
  const end = Math.min(Number(range[2]), size - 1);
  res.writeHead(206, { "content-length": end - start + 1, "content-range": `bytes ${start}-${end}/${size}` });
  createReadStream(file, { start, end }).pipe(res);
}
