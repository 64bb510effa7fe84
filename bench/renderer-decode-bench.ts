/**
 * Issue #10: AAC in the plugin. Decode the same 10-minute iPhone-style m4a (AAC-LC 64 kb/s, 48 kHz
 * mono) to 16 kHz mono float32 two ways, alternating in one run:
 *  - the plugin's renderer path: the decode worker from main.js's payload (mediabunny + WebCodecs +
 *    our resampler) in Debian's Chromium, reading the file in HTTP ranges from a loopback server
 *    (Obsidian's renderer reads it with fs instead) and dropping the blocks (the plugin writes a WAV);
 *  - the fallback: `ffmpeg -i f -ac 1 -ar 16000 -f f32le -`, as the engine host spawns it.
 * Reports × real time (median of the rounds) and peak memory: the RSS of Chromium's renderer
 * process (the worker lives in it) sampled every 20 ms above its level before the decode, and
 * ffmpeg's maxRSS from /usr/bin/time. Needs `npm run build`, chromium-headless-shell and ffmpeg.
 * Run: npm run bench:renderer-decode → bench/results/renderer-decode.json
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ChromiumDecodePage, findChromium } from "../test/renderer-decode/chromium-page";
import { machineInfo, median } from "./decode-vad-common";

const root = process.env.BITACORA_ROOT ?? process.cwd();
const work = join(root, ".tmp", "bench-renderer-decode");
const SECONDS = 600;
const ROUNDS = 5;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function makeMemo(seconds = SECONDS): string {
  mkdirSync(work, { recursive: true });
  const out = join(work, `memo-${seconds / 60}min.m4a`);
  if (existsSync(out)) return out;
  const speech = join(root, "..", "shared", "testdata", "speech_es", "fleurs-es-000.ogg");
  const made = spawnSync("ffmpeg", ["-loglevel", "error", "-y", "-stream_loop", "-1", "-i", speech, "-t", String(seconds), "-ar", "48000", "-ac", "1", "-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart", out]);
  if (made.status !== 0) throw new Error(`ffmpeg could not make ${out}: ${made.stderr.toString()}`);
  return out;
}

/** ffmpeg as the engine host's fallback runs it, under /usr/bin/time for its peak RSS. */
function ffmpegDecode(file: string): Promise<{ ms: number; samples: number; peakMiB: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "%M", "ffmpeg", "-loglevel", "error", "-i", file, "-ac", "1", "-ar", "16000", "-f", "f32le", "-"], { stdio: ["ignore", "pipe", "pipe"] });
    let bytes = 0;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (bytes += chunk.length));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`ffmpeg exited ${code}: ${stderr}`));
      resolve({ ms: performance.now() - started, samples: bytes / 4, peakMiB: Number(stderr.trim().split("\n").pop()) / 1024 });
    });
  });
}

/** Chromium's renderer processes (children of the browser with --type=renderer). */
function rendererPids(browserPid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        const ppid = Number(/^\d+ \(.*\) \S (\d+)/.exec(readFileSync(`/proc/${pid}/stat`, "utf8"))?.[1]);
        return cmdline.includes("--type=renderer") && (ppid === browserPid || isDescendant(Number(pid), browserPid));
      } catch {
        return false;
      }
    })
    .map(Number);
}

function isDescendant(pid: number, ancestor: number): boolean {
  for (let current = pid, hops = 0; current > 1 && hops < 5; hops++) {
    const parent = Number(/^\d+ \(.*\) \S (\d+)/.exec(readFileSync(`/proc/${current}/stat`, "utf8"))?.[1]);
    if (parent === ancestor) return true;
    current = parent;
  }
  return false;
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function chromiumDecode(page: ChromiumDecodePage, file: string): Promise<{ ms: number; samples: number; peakMiB: number; aboveBaselineMiB: number }> {
  const pids = rendererPids(page.browserPid()!);
  const total = () => pids.reduce((sum, pid) => sum + rssMiB(pid), 0);
  const baseline = total();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, total())), 20);
  const started = performance.now();
  const decoded = await page.decode(file, { keep: false });
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, total());
  if (!decoded.ok) throw new Error(decoded.message);
  return { ms, samples: decoded.samples, peakMiB: peak, aboveBaselineMiB: peak - baseline };
}

async function main() {
  const chromium = findChromium();
  if (!chromium) throw new Error("No Chromium binary: apt-get install chromium-headless-shell (or set BITACORA_CHROMIUM).");
  const memo = makeMemo();
  const page = await ChromiumDecodePage.start(chromium, root);
  try {
    await chromiumDecode(page, memo); // warm-up: worker compile, page cache
    await ffmpegDecode(memo);
    const runs = { chromium: [] as Awaited<ReturnType<typeof chromiumDecode>>[], ffmpeg: [] as Awaited<ReturnType<typeof ffmpegDecode>>[] };
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so a busy moment on the shared cores hits both.
      if (i % 2 === 0) {
        runs.chromium.push(await chromiumDecode(page, memo));
        runs.ffmpeg.push(await ffmpegDecode(memo));
      } else {
        runs.ffmpeg.push(await ffmpegDecode(memo));
        runs.chromium.push(await chromiumDecode(page, memo));
      }
    }
    // Flat memory: one decode of an hour-long memo, its renderer peak next to the 10-minute one's.
    const hour = await chromiumDecode(page, makeMemo(3600));
    const realTime = (ms: number) => round((SECONDS * 1000) / ms, 0);
    const chromiumMs = median(runs.chromium.map((r) => r.ms));
    const ffmpegMs = median(runs.ffmpeg.map((r) => r.ms));
    const result = {
      name: "renderer-decode",
      date: new Date().toISOString(),
      machine: { ...machineInfo(), chromium: spawnSync(chromium, ["--version"], { encoding: "utf8" }).stdout.trim() },
      what: "Decode + resample a 10-minute m4a (AAC-LC 64 kb/s, 48 kHz mono, index first) to 16 kHz mono float32",
      how: `median of ${ROUNDS} alternating rounds after a warm-up, same file, same run`,
      rendererWebCodecs: {
        path: "decode worker from main.js's payload in Chromium: mediabunny demux → WebCodecs AudioDecoder → our SincResampler, 5 s blocks acknowledged one by one",
        realTimeFactor: realTime(chromiumMs),
        medianMs: round(chromiumMs),
        peakRendererRssMiB: round(median(runs.chromium.map((r) => r.peakMiB))),
        peakAboveBeforeDecodeMiB: round(median(runs.chromium.map((r) => r.aboveBaselineMiB))),
        outputSeconds: round(runs.chromium[0].samples / 16000, 3),
        oneHourMemo: { realTimeFactor: round((3600 * 1000) / hour.ms, 0), peakAboveBeforeDecodeMiB: round(hour.aboveBaselineMiB), outputSeconds: round(hour.samples / 16000, 3) },
      },
      ffmpegFallback: {
        path: "ffmpeg -i f -ac 1 -ar 16000 -f f32le - (Debian's ffmpeg, what the engine host spawns when WebCodecs fails)",
        realTimeFactor: realTime(ffmpegMs),
        medianMs: round(ffmpegMs),
        peakRssMiB: round(median(runs.ffmpeg.map((r) => r.peakMiB))),
        outputSeconds: round(runs.ffmpeg[0].samples / 16000, 3),
      },
      webCodecsSlowerThanFfmpegBy: round(chromiumMs / ffmpegMs, 2),
      rawMs: { chromium: runs.chromium.map((r) => round(r.ms)), ffmpeg: runs.ffmpeg.map((r) => round(r.ms)) },
    };
    writeFileSync(join(root, "bench", "results", "renderer-decode.json"), JSON.stringify(result, null, 2) + "\n");
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await page.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
