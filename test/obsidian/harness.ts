/**
 * Loads the real plugin into the Obsidian stand-in over a temporary vault folder, with the real
 * engine host (dist/engine-host.js, built by `npm test`).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import BitacoraPlugin from "../../src/obsidian/main";
import type { ChosenLaunch } from "../../src/obsidian/engine-launch";
import { App, Modal, Notice, Setting, type PluginManifest } from "../obsidian-stand-in/obsidian";

export const REPO = path.resolve(__dirname, "../..");
export const TESTDATA = path.resolve(REPO, "../shared/testdata");
export const MANIFEST = JSON.parse(readFileSync(path.join(REPO, "manifest.json"), "utf8")) as PluginManifest;
export const DATA_JSON = `.obsidian/plugins/${MANIFEST.id}/data.json`;

/** The plugin as shipped, except that its engine host is the native one in dist/ (the three-file install has its own test). */
export class PluginUnderTest extends BitacoraPlugin {
  protected override engineLaunch(): ChosenLaunch {
    return { launch: { hostScript: path.join(REPO, "dist/engine-host.js") }, engine: "native pack" };
  }
  /** Kept with the test's vault folder (outside the vault's notes), not in this user's cache folder. */
  protected override dashboardIndexFile(): string {
    return path.join((this.app.vault.adapter as unknown as { getBasePath(): string }).getBasePath(), ".obsidian", "test-device-cache", "dashboard-index.json");
  }
}

export interface TestVault {
  dir: string;
  /** Copies a file from ../shared/testdata into the vault folder (before the app opens it). */
  seed(testdataPath: string, vaultPath: string): void;
  writeText(vaultPath: string, text: string): void;
  readText(vaultPath: string): string;
  remove(): void;
}

export function makeVault(): TestVault {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-vault-"));
  const abs = (vaultPath: string) => {
    const full = path.join(dir, vaultPath);
    mkdirSync(path.dirname(full), { recursive: true });
    return full;
  };
  return {
    dir,
    seed: (from, to) => copyFileSync(path.join(TESTDATA, from), abs(to)),
    writeText: (to, text) => writeFileSync(abs(to), text),
    readText: (from) => readFileSync(path.join(dir, from), "utf8"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Settings written to data.json before the plugin loads (fast stability wait for tests). */
export function presetSettings(vault: TestVault, settings: Record<string, unknown>): void {
  vault.writeText(DATA_JSON, JSON.stringify({ settings: { stableForMs: 150, ...settings } }));
}

/** whisper.cpp's weightless test model: the real engine runs end to end; its words are meaningless. */
export const TEST_WHISPER_MODEL = path.join(TESTDATA, "whisper_models/for-tests-ggml-tiny.bin");

export async function startPlugin(vault: TestVault, app?: App): Promise<{ app: App; plugin: PluginUnderTest }> {
  let theApp = app;
  if (!theApp) {
    theApp = await App.create__(vault.dir);
    // This device's model path, as a user sets it in settings (device-local storage).
    theApp.saveLocalStorage("bitacora-device-settings", { whisperModelPath: TEST_WHISPER_MODEL });
  }
  const plugin = await theApp.enablePlugin__(PluginUnderTest, MANIFEST);
  return { app: theApp, plugin };
}

/**
 * Disables the plugin the way a test should before deleting its vault: let queued writes
 * finish first (a vault folder removed under a running job is not a case we test here).
 */
export async function stopPlugin(app: App, plugin: PluginUnderTest): Promise<void> {
  if (!(plugin as unknown as { isLoaded__: boolean }).isLoaded__) return;
  await plugin.queue.idle();
  app.disablePlugin__(plugin);
  // Unloading stops the queue and drops pending dashboard refreshes; startup, the last writes and
  // their indexing finish before the vault folder is removed.
  await plugin.settled();
  await app.indexed__();
}

export function resetRecorders(): void {
  Notice.shown__ = [];
  Setting.all__ = [];
  Modal.open__ = [];
}

/** Polls until `check` passes (no fixed sleeps in the code under test; tests must still wait for it). */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("Timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const bytesOf = (testdataPath: string) => new Uint8Array(readFileSync(path.join(TESTDATA, testdataPath)));

/**
 * The per-test setup every plugin test file shares: recorders reset and a fresh vault before
 * each test; afterwards whatever the test put in `stop` runs (usually stopping its plugin) and
 * the vault is removed.
 */
export function perTestVault(): { vault: TestVault; stop: () => Promise<void> | void } {
  const current = { vault: undefined as unknown as TestVault, stop: (() => undefined) as () => Promise<void> | void };
  beforeEach(() => {
    resetRecorders();
    current.vault = makeVault();
    current.stop = () => undefined;
  });
  afterEach(async () => {
    await current.stop();
    current.vault.remove();
  });
  return current;
}
