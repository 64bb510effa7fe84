/**
 * An iPhone-style m4a (AAC) recording through the three-file install: main.js's engine host has no
 * AAC decoder, asks the plugin, and the plugin decodes it in the renderer with WebCodecs. Here the
 * renderer decode port is the Chromium-backed one (chromium-decoder.ts: the worker code the host
 * extracted from main.js, run in a real Chromium page), because jest has no Web Workers or
 * WebCodecs. Skipped only when no Chromium binary is installed. Needs `npm run build`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ParentDecoderPort } from "../../src/engines/audio/wav-decoder-port";
import { App } from "../obsidian-stand-in/obsidian";
import { MANIFEST, TEST_WHISPER_MODEL, TESTDATA, stopPlugin, waitFor } from "../obsidian/harness";
import { installThreeFiles, loadMainJs } from "../obsidian/three-file-plugin";
import { chromiumDecoder, type ChromiumDecoderCall } from "./chromium-decoder";
import { ChromiumDecodePage, findChromium } from "./chromium-page";
import { ffmpeg } from "./ffmpeg-media";

const chromium = findChromium();
const describeWithChromium = chromium ? describe : describe.skip;
if (!chromium) console.warn("Skipped: no Chromium binary (install chromium-headless-shell, or set BITACORA_CHROMIUM).");

describeWithChromium("an m4a recording in the three-file install", () => {
  let root: string;
  let app: App;
  let plugin: { queue: { idle(): Promise<void> } };
  let page: ChromiumDecodePage;
  const calls: ChromiumDecoderCall[] = [];
  const savedCache = process.env.XDG_CACHE_HOME;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "Bitácora m4a "));
    const vaultDir = path.join(root, "Vault");
    const pluginDir = path.join(vaultDir, ".obsidian", "plugins", MANIFEST.id);
    installThreeFiles(pluginDir);
    process.env.XDG_CACHE_HOME = path.join(root, "cache");
    page = await ChromiumDecodePage.start(chromium!);
    const wavFolder = path.join(root, "decoded");
    mkdirSync(wavFolder);
    app = await App.create__(vaultDir);
    app.saveLocalStorage("bitacora-device-settings", { whisperModelPath: TEST_WHISPER_MODEL, modelsDir: path.join(root, "models") });
    const Shipped = loadMainJs(pluginDir) as unknown as new (app: unknown, manifest: unknown) => { rendererDecoder(): ParentDecoderPort };
    // main.js as shipped, with Chromium in place of Obsidian's renderer for the decode port.
    class WithChromiumRenderer extends Shipped {
      override rendererDecoder(): ParentDecoderPort {
        return chromiumDecoder(page, wavFolder, calls);
      }
    }
    plugin = (await app.enablePlugin__(WithChromiumRenderer, MANIFEST)) as unknown as typeof plugin;
  }, 60000);

  afterAll(async () => {
    if (plugin) await stopPlugin(app, plugin as never);
    await page?.close();
    process.env.XDG_CACHE_HOME = savedCache;
    rmSync(root, { recursive: true, force: true });
  });

  test("is decoded by the renderer worker from main.js and transcribed; the decoded WAV is deleted after the job", async () => {
    // 48 kHz mono AAC, index first, tags, an edit list that does not start on a frame (cut on the phone).
    const whole = path.join(root, "whole.m4a");
    const memo = path.join(root, "memo.m4a");
    ffmpeg(["-i", path.join(TESTDATA, "speech_en/jfk.wav"), "-ar", "48000", "-c:a", "aac", "-b:a", "64k", whole]);
    ffmpeg(["-ss", "1.3", "-t", "6", "-i", whole, "-c", "copy", "-movflags", "+faststart", "-metadata", "title=Nueva grabación", memo]);
    await app.vault.createFolder("Attachments");
    await app.vault.createBinary("Attachments/Nueva grabación 20250802093000.m4a", new Uint8Array(readFileSync(memo)));
    const log = await waitFor(() => app.vault.getFileByPath("Logs/2025-08-02.md") ?? undefined, 60000);
    await waitFor(async () => /status:: (Processed|Error)/.test(await app.vault.read(log)), 240000);
    const text = await app.vault.read(log);
    expect(text).toMatch(/status:: Processed/);
    expect(text).toContain("![[Attachments/Nueva grabación 20250802093000.m4a]]");
    expect(text).toMatch(/^duration:: 0:0[56]$/m);
    // whisper.cpp (WASM) ran language detection on the decoded audio.
    expect(text).toMatch(/^language:: [a-z]{2}$/m);
    // One decode served the whole job (transcription and emotion), with the worker main.js carries.
    expect(calls).toHaveLength(1);
    expect(calls[0].absPath).toBe(path.join(root, "Vault", "Attachments", "Nueva grabación 20250802093000.m4a"));
    expect(calls[0].workerScript).toBe(path.join(process.env.XDG_CACHE_HOME!, "bitacora", "engine", path.basename(path.dirname(calls[0].workerScript!)), "renderer-decode-worker.js"));
    await plugin.queue.idle();
    await waitFor(() => !existsSync(calls[0].wavPath!), 5000);
  }, 300000);
});
