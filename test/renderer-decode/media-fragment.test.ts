/**
 * What a `#t=` subpath does to an audio element in Chromium (the engine inside Obsidian's
 * Electron; Debian's headless shell here): the segment link Bitácora writes is split the way
 * Obsidian's link text is (file path, then the subpath from the first `#`), the subpath is put on
 * the media URL, and the element starts at that second. Not covered: that Obsidian's own embed
 * copies the subpath onto the element's src (no Obsidian here; docs/server.md).
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { timestampLink } from "../../src/core/transcript/segment-lines";
import { findChromium } from "./chromium-page";

const CLIP = path.resolve(__dirname, "../../assets/which-model-30s-es.webm");
const chromium = findChromium();
const testWithChromium = chromium ? test : test.skip;

/** Obsidian's link text rule (obsidian.d.ts parseLinktext: "filepath and subpath"): the subpath starts at the first `#`. */
function linkTarget(link: string): { path: string; subpath: string } {
  const text = /^\[\[([^\]|]+)/.exec(link)![1];
  const hash = text.indexOf("#");
  return hash < 0 ? { path: text, subpath: "" } : { path: text.slice(0, hash), subpath: text.slice(hash) };
}

testWithChromium("an audio element given the link's #t= subpath starts at that second", async () => {
  const link = timestampLink("Audio/which-model-30s-es.webm", 12.5);
  expect(link).toBe("[[Audio/which-model-30s-es.webm#t=12.5|0:12]]");
  const { path: file, subpath } = linkTarget(link);
  expect(subpath).toBe("#t=12.5");
  const bytes = readFileSync(CLIP);
  const server = http.createServer((req, res) => {
    if (req.url === "/") return void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>t</title>");
    if (req.url !== `/${file}`) return void res.writeHead(404).end();
    // Byte ranges, as Obsidian's app:// protocol serves vault files.
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? "");
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Number(range[2]) : bytes.length - 1;
    res.writeHead(range ? 206 : 200, {
      "content-type": "audio/webm",
      "accept-ranges": "bytes",
      "content-length": String(end - start + 1),
      ...(range ? { "content-range": `bytes ${start}-${end}/${bytes.length}` } : {}),
    });
    res.end(bytes.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await puppeteer.launch({ executablePath: chromium!, headless: true, args: ["--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const started = await page.evaluate(
      (src) =>
        new Promise<{ currentTime: number; duration: number }>((resolve, reject) => {
          const audio = document.createElement("audio");
          audio.preload = "metadata";
          audio.addEventListener("loadedmetadata", () => resolve({ currentTime: audio.currentTime, duration: audio.duration }));
          audio.addEventListener("error", () => reject(new Error(`media error ${audio.error?.code}`)));
          audio.src = src;
          document.body.append(audio);
        }),
      `${base}/${file}${subpath}`,
    );
    expect(started.currentTime).toBeCloseTo(12.5, 1);
    expect(started.duration).toBeGreaterThan(29);
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
