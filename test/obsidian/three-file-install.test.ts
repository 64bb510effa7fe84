/**
 * Issue #10's proof: only main.js, manifest.json and styles.css, copied into a plugin folder of a
 * vault outside the repository (nothing of node_modules resolvable; a path with spaces and
 * non-ASCII letters, as Windows and macOS users have), load in the Obsidian stand-in and process
 * attachments with the engine host main.js carries. Needs `npm run build` (npm test does it).
 * Tesseract's language data is not in main.js: the test downloads it with the plugin's own command
 * from a loopback server that serves the files of node_modules/@tesseract.js-data (no internet in
 * tests; the real host is jsDelivr, src/engines/image/ocr-language-catalog.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, Modal, Notice, Setting } from "../obsidian-stand-in/obsidian";
import { MANIFEST, TEST_WHISPER_MODEL, bytesOf, stopPlugin, waitFor } from "./harness";
import { installThreeFiles, loadMainJs, requested } from "./three-file-plugin";

let root: string;
let vaultDir: string;
let pluginDir: string;
let app: App;
let plugin: { queue: { idle(): Promise<void>; snapshot(): { jobs: { state: string }[] } } } & { manifest: { dir?: string } };
const savedCache = process.env.XDG_CACHE_HOME;
let modelsDir: string;
let server: http.Server;

/** Serves spa/eng.traineddata.gz by name, as the CDN would, from the npm packages. */
async function serveLanguageData(): Promise<string> {
  server = http.createServer((req, res) => {
    const lang = /^\/(spa|eng)\.traineddata\.gz$/.exec(req.url ?? "")?.[1];
    if (!lang) return void res.writeHead(404).end();
    const body = readFileSync(path.resolve(__dirname, `../../node_modules/@tesseract.js-data/${lang}/4.0.0_best_int/${lang}.traineddata.gz`));
    res.writeHead(200, { "content-length": body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "Bitácora prueba ñ 日本 "));
  vaultDir = path.join(root, "My Vault ü");
  pluginDir = path.join(vaultDir, ".obsidian", "plugins", MANIFEST.id);
  installThreeFiles(pluginDir);
  // The engine cache goes to the user's cache folder; here one inside the test folder.
  process.env.XDG_CACHE_HOME = path.join(root, "cache dir");
  process.env.BITACORA_TEST_MODEL_BASE_URL = await serveLanguageData();
  modelsDir = path.join(root, "models dir");
  app = await App.create__(vaultDir);
  app.saveLocalStorage("bitacora-device-settings", { whisperModelPath: TEST_WHISPER_MODEL, modelsDir });
  Notice.shown__ = [];
  const PluginClass = loadMainJs(pluginDir);
  plugin = (await app.enablePlugin__(PluginClass, MANIFEST)) as unknown as typeof plugin;
});

afterAll(async () => {
  if (plugin) await stopPlugin(app, plugin as never);
  process.env.XDG_CACHE_HOME = savedCache;
  delete process.env.BITACORA_TEST_MODEL_BASE_URL;
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

test("the plugin folder holds only the three files and nothing of node_modules resolves from it", () => {
  expect(readdirSync(pluginDir).sort()).toEqual(["main.js", "manifest.json", "styles.css"]);
  expect(() => require.resolve("mediabunny", { paths: [pluginDir] })).toThrow();
  expect(path.relative(path.resolve(__dirname, "../.."), pluginDir).startsWith("..")).toBe(true);
  // main.js asked for nothing but the stand-in's `obsidian` and Node builtins.
  expect([...requested].filter((name) => name !== "obsidian" && !name.startsWith("node:"))).toEqual([]);
  expect(Notice.shown__).toEqual([]);
});

test("a recording is transcribed by the engine host extracted from main.js (whisper.cpp WASM, weightless model)", async () => {
  await app.vault.createFolder("Attachments");
  await app.vault.createBinary("Attachments/Recording 20250730153012.ogg", bytesOf("speech_es/fleurs-es-000.ogg"));
  const log = await waitFor(() => app.vault.getFileByPath("Logs/2025-07-30.md") ?? undefined, 60000);
  await waitFor(async () => /status:: (Processed|Error)/.test(await app.vault.read(log)), 240000);
  const text = await app.vault.read(log);
  expect(text).toMatch(/status:: Processed/);
  expect(text).toContain("![[Attachments/Recording 20250730153012.ogg]]");
  // The duration comes from the audio metadata engine, which ran in the embedded host.
  expect(text).toMatch(/^duration:: 0:1\d$/m);
  // Settings name the engines in use.
  (app as unknown as { settingTabs__: { display(): void }[] }).settingTabs__[0].display();
  const engines = Setting.all__.filter((s) => s.nameEl.getText() === "Engines in use").pop();
  // …with the transcription engine that ran and this recording's measured speed (no whisper-cli here).
  expect(engines?.descEl.getText()).toMatch(
    /^Built-in engines \(inside main\.js\)\. Transcription: whisper\.cpp in WebAssembly \(built in\)\. Last recording: 1\d s of audio processed in \d+\.\d s \(\d+\.\d× real time\)\.$/,
  );
  const cache = path.join(process.env.XDG_CACHE_HOME!, "bitacora", "engine");
  const [payloadDir] = readdirSync(cache);
  expect(existsSync(path.join(cache, payloadDir, "engine-host.js"))).toBe(true);
  // Transcription ran in WebAssembly: whisper.cpp's build was extracted from main.js for it. The
  // weightless test model's words mean nothing, so the entry's words are not checked here
  // (eval/entries scores words through a stand-in whisper-cli).
  expect(readdirSync(path.join(cache, payloadDir))).toEqual(expect.arrayContaining(["whisper-wasm.js", "whisper-wasm.wasm", "whisper-wasm.worker.js"]));
  // whisper.cpp's language detection ran on the recording (the weightless model's words are
  // dropped by the hallucination guard, so the body says no speech was recognised).
  expect(text).toMatch(/^language:: [a-z]{2}$/m);
}, 300000);

test("a photo is processed by the embedded host before the OCR language data is downloaded: its entry says its text could not be read", async () => {
  await app.vault.createBinary("Attachments/IMG_20250731_084510.jpg", bytesOf("photos_coco/000000000802.jpg"));
  const log = await waitFor(() => app.vault.getFileByPath("Logs/2025-07-31.md") ?? undefined, 60000);
  await waitFor(async () => /status:: (Processed|Error)/.test(await app.vault.read(log)), 60000);
  const text = await app.vault.read(log);
  expect(text).toMatch(/status:: Processed/);
  expect(text).toContain("![[Attachments/IMG_20250731_084510.jpg]]");
  expect(text).toContain("los datos de idioma del OCR no están descargados");
}, 90000);

test("'Download OCR language data' fetches both languages into the models folder (SHA-256 checked), then a photo's text is read by tesseract.js from main.js", async () => {
  await app.runCommand__(`${MANIFEST.id}:download-ocr-languages`);
  await waitFor(() => Notice.shown__.find((m) => m.includes("The OCR language data is installed")), 60000);
  for (const lang of ["spa", "eng"]) {
    const downloaded = readFileSync(path.join(modelsDir, "tesseract-spa-eng", `${lang}.traineddata.gz`));
    const published = readFileSync(path.resolve(__dirname, `../../node_modules/@tesseract.js-data/${lang}/4.0.0_best_int/${lang}.traineddata.gz`));
    expect(createHash("sha256").update(downloaded).digest("hex")).toBe(createHash("sha256").update(published).digest("hex"));
  }
  await app.vault.createBinary("Attachments/Screenshot 2025-08-01 101500.png", bytesOf("ocr/synthetic_es.png"));
  const log = await waitFor(() => app.vault.getFileByPath("Logs/2025-08-01.md") ?? undefined, 60000);
  await waitFor(async () => /status:: (Processed|Error)/.test(await app.vault.read(log)), 90000);
  const text = await app.vault.read(log);
  expect(text).toMatch(/status:: Processed/);
  expect(text).toContain("Mañana iré a la montaña");
  const cache = path.join(process.env.XDG_CACHE_HOME!, "bitacora", "engine");
  const [payloadDir] = readdirSync(cache);
  expect(readdirSync(path.join(cache, payloadDir))).toEqual(expect.arrayContaining(["tesseract-worker.js", "tesseract-core-simd-lstm.wasm"]));
  expect(readdirSync(path.join(cache, payloadDir))).not.toContain("spa.traineddata.gz");
}, 150000);

test("'Which model for my machine?' times the model with the engines main.js carries, on the clip extracted from main.js", async () => {
  await plugin.queue.idle();
  Modal.open__ = [];
  await app.runCommand__(`${MANIFEST.id}:which-model`);
  const advice = await waitFor(() => Modal.open__.map((modal) => modal.contentEl.getText()).find((text) => text.includes("per hour of audio")), 240000);
  expect(advice).toContain("measured (for-tests-ggml-tiny.bin)");
  expect(advice).toMatch(/Use [a-z0-9-]+: the largest|Even the smallest model/);
  const cache = path.join(process.env.XDG_CACHE_HOME!, "bitacora", "engine");
  const [payloadDir] = readdirSync(cache);
  expect(readdirSync(path.join(cache, payloadDir))).toContain("which-model-30s-es.webm");
}, 250000);
