/**
 * AAC (m4a/mp4/.aac) and Ogg Vorbis decoded the way the plugin decodes them inside Obsidian: the
 * renderer decode worker from main.js's payload, in a real Chromium (Debian's build, which like
 * Electron carries the proprietary codecs), with WebCodecs' AudioDecoder behind mediabunny.
 * Each file is made by ffmpeg here and compared with ffmpeg's own decode of it (same resampler).
 * Skipped only when no Chromium binary is installed (.ci/run installs chromium-headless-shell).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ChromiumDecodePage, findChromium } from "./chromium-page";
import { ffmpeg, ffmpegReference16k, snrDb } from "./ffmpeg-media";

const TESTDATA = path.resolve(__dirname, "../../../shared/testdata");
const chromium = findChromium();
const describeWithChromium = chromium ? describe : describe.skip;
if (!chromium) console.warn("Skipped: no Chromium binary (install chromium-headless-shell, or set BITACORA_CHROMIUM).");

let dir: string;
let page: ChromiumDecodePage;

describeWithChromium("renderer decode worker in Chromium", () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "bitacora-webcodecs-"));
    page = await ChromiumDecodePage.start(chromium!);
  }, 60000);

  afterAll(async () => {
    await page?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const speech = path.join(TESTDATA, "speech_en/jfk.wav");

  /** Speech on the left, a 440 Hz tone on the right (so the downmix is exercised), at `rate`. */
  function make(name: string, rate: number, channels: 1 | 2, codecArgs: string[]): string {
    const out = path.join(dir, name);
    const filter = channels === 1 ? `[0:a]aresample=${rate}[a]` : `[0:a]aresample=${rate},aformat=sample_fmts=fltp:channel_layouts=mono[l];sine=frequency=440:sample_rate=${rate}:duration=11,volume=0.2,aformat=sample_fmts=fltp:channel_layouts=mono[r];[l][r]amerge=inputs=2[a]`;
    ffmpeg(["-i", speech, "-filter_complex", filter, "-map", "[a]", ...codecArgs, out]);
    return out;
  }

  /**
   * Phone voice memos put the index first and carry tags and an edit list whose start is not a
   * frame boundary: cut 1.3 s into a recording without re-encoding, as editing on the phone does.
   */
  function iphoneLike(): string {
    const whole = make("memo-whole.m4a", 48000, 1, ["-c:a", "aac", "-b:a", "64k"]);
    const out = path.join(dir, "Nueva grabación 12.m4a");
    ffmpeg(["-ss", "1.3", "-i", whole, "-c", "copy", "-movflags", "+faststart", "-brand", "M4A ", "-metadata", "title=Nueva grabación 12", "-metadata", `comment=${"x".repeat(20000)}`, out]);
    return out;
  }

  const cases: [string, () => string][] = [
    ["m4a AAC-LC mono 44.1 kHz", () => make("mono-44100.m4a", 44100, 1, ["-c:a", "aac", "-b:a", "96k"])],
    ["m4a AAC-LC stereo 48 kHz", () => make("stereo-48000.m4a", 48000, 2, ["-c:a", "aac", "-b:a", "128k"])],
    ["mp4 AAC-LC stereo 44.1 kHz", () => make("stereo-44100.mp4", 44100, 2, ["-c:a", "aac", "-b:a", "128k"])],
    ["raw ADTS .aac mono 48 kHz", () => make("mono-48000.aac", 48000, 1, ["-c:a", "aac", "-b:a", "96k"])],
    ["iPhone-like m4a: 48 kHz mono, index (moov) first with 20 KB of tags, an edit list that skips 960 samples", () => iphoneLike()],
    ["Ogg Vorbis mono 44.1 kHz", () => make("mono-44100.ogg", 44100, 1, ["-c:a", "libvorbis", "-q:a", "4"])],
    ["Ogg Vorbis stereo 48 kHz", () => make("stereo-48000.ogg", 48000, 2, ["-c:a", "libvorbis", "-q:a", "4"])],
  ];

  test.each(cases)("%s matches ffmpeg's decode (SNR ≥ 30 dB, duration within 20 ms)", async (_label, makeFile) => {
    const file = makeFile();
    const decoded = await page.decode(file);
    if (!decoded.ok) throw new Error(`${decoded.code}: ${decoded.message}`);
    const reference = ffmpegReference16k(file);
    const snr = snrDb(reference, decoded.pcm);
    expect(Math.abs(decoded.pcm.length - reference.length) / 16000).toBeLessThanOrEqual(0.02);
    expect(snr).toBeGreaterThanOrEqual(30);
  }, 60000);

  test("a file that is not audio, and an m4a cut before its index, fail with errors a user can read", async () => {
    const text = path.join(dir, "notes.m4a");
    writeFileSync(text, "these are notes, not a recording\n".repeat(50));
    expect(await page.decode(text)).toMatchObject({ ok: false, code: "unsupported-media", message: expect.stringMatching(/^Not a recognised audio file/) });
    const whole = readFileSync(make("cut-short.m4a", 44100, 1, ["-c:a", "aac", "-b:a", "96k"]));
    // ffmpeg writes the index (moov) at the end: an interrupted copy has the audio but no index.
    const cut = path.join(dir, "interrupted.m4a");
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const failed = await page.decode(cut);
    expect(failed.ok).toBe(false);
    expect(failed).toMatchObject({ code: expect.stringMatching(/^(corrupt|unsupported)-media$/) });
  }, 60000);
});
