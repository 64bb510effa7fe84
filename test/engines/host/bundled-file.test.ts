/**
 * The which-model clip reaches the engines without any file beside main.js: the build carries it
 * in main.js's payload (the real built main.js, made by `npm test`'s build), and the host finds
 * it there, else in assets/ beside dist/ (CLI, tests).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundledFile } from "../../../src/engines/host/bundled-file";
import { WHICH_MODEL_CLIP } from "../../../src/engines/models/time-whisper-models";

const REPO = path.resolve(__dirname, "../../..");
const CLIP_IN_ASSETS = path.join(REPO, "assets", WHICH_MODEL_CLIP.file);
let cacheRoot: string;
beforeEach(() => (cacheRoot = mkdtempSync(path.join(tmpdir(), "bitacora-bundled-"))));
afterEach(() => rmSync(cacheRoot, { recursive: true, force: true }));

test("extracted from the built main.js's payload, byte for byte the clip in assets/", () => {
  const nowhere = path.join(cacheRoot, "no-host-dir");
  const extracted = bundledFile(WHICH_MODEL_CLIP.file, nowhere, { mainJs: path.join(REPO, "main.js"), cacheRoot });
  expect(extracted.startsWith(cacheRoot)).toBe(true);
  expect(readFileSync(extracted).equals(readFileSync(CLIP_IN_ASSETS))).toBe(true);
});

test("without a payload (the host run from dist/): the clip in assets/", () => {
  expect(bundledFile(WHICH_MODEL_CLIP.file, path.join(REPO, "dist"), { mainJs: path.join(cacheRoot, "missing-main.js"), cacheRoot })).toBe(CLIP_IN_ASSETS);
});

test("a file the build did not bundle: a clear error", () => {
  expect(() => bundledFile("nothing.webm", path.join(REPO, "dist"))).toThrow("The engines carry no nothing.webm: reinstall the plugin's main.js from a release.");
});
