/**
 * Memory stays bounded: the engine host's peak resident memory (VmHWM, Linux) after a
 * decompression bomb and after an 81-megapixel PNG (legal, just under the 100 MP limit),
 * which libvips streams through the downscale instead of holding all its pixels.
 */
import { fork } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { DEFAULT_ENGINE_OPTIONS } from "../../../src/core/processing/engine-options";
import type { HostResponse } from "../../../src/engines/host/protocol";
import { decompressionBombPng } from "./photo-inputs";

const HOST = path.resolve(__dirname, "../../../dist/engine-host.js");
const canMeasure = existsSync("/proc/self/status");

function peakMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmHWM:"));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

/** Processes the files one after another; resolves with each answer and the peak after each. */
function processMeasured(files: string[]): Promise<{ answer: HostResponse; peakMiB: number }[]> {
  return new Promise((resolve, reject) => {
    const child = fork(HOST, [], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
    const out: { answer: HostResponse; peakMiB: number }[] = [];
    const send = () =>
      child.send({ type: "process", id: String(out.length), job: { path: "x", absPath: files[out.length], kind: "image" }, options: DEFAULT_ENGINE_OPTIONS });
    child.on("message", (message: HostResponse) => {
      if (message.type === "ready") return send();
      if (message.type !== "result" && message.type !== "error") return;
      out.push({ answer: message, peakMiB: peakMiB(child.pid ?? 0) });
      if (out.length < files.length) return send();
      child.disconnect();
      resolve(out);
    });
    child.on("error", reject);
  });
}

(canMeasure ? test : test.skip)("a bomb and an 81 MP picture leave the host's peak memory bounded", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-memory-"));
  const bomb = path.join(dir, "bomb.png");
  writeFileSync(bomb, decompressionBombPng(60_000, 60_000));
  const large = path.join(dir, "large.png");
  await sharp({ create: { width: 9000, height: 9000, channels: 3, background: "#f0f0f0" } }).png({ compressionLevel: 9 }).toFile(large);
  const [afterBomb, afterLarge] = await processMeasured([bomb, large]);
  expect(afterBomb.answer).toMatchObject({ type: "error", code: "unsupported-media" });
  expect(afterBomb.peakMiB).toBeLessThan(250);
  expect(afterLarge.answer).toMatchObject({ type: "result", findings: { image: { width: 9000, imageKind: "photo" } } });
  // Fully decoded, 81 MP of RGB alone would be 243 MB; Tesseract's worker adds ~100 MB.
  expect(afterLarge.peakMiB).toBeLessThan(500);
}, 120_000);
