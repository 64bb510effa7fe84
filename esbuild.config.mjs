import esbuild from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { nativeExternals } from "./scripts/native-externals.mjs";
import { oneTesseractCore, portableGuard, portableProcessors } from "./scripts/portable-host-plugins.mjs";
import { writeThirdPartyNotices } from "./scripts/third-party-notices.mjs";

const production = process.argv[2] === "production";
const root = path.dirname(fileURLToPath(import.meta.url));

const obsidianExternals = [
  "obsidian",
  "electron",
  "@codemirror/autocomplete",
  "@codemirror/collab",
  "@codemirror/commands",
  "@codemirror/language",
  "@codemirror/lint",
  "@codemirror/search",
  "@codemirror/state",
  "@codemirror/view",
  "@lezer/common",
  "@lezer/highlight",
  "@lezer/lr",
];
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "es2022",
  logLevel: "info",
  sourcemap: production ? false : "inline",
  treeShaking: true,
  minify: false,
};

// What main.js carries (src/engines/payload): built first, with Node builtins as the only
// externals; the guard fails the build when a native module is reachable from there.
const embedded = { ...common, sourcemap: false, minify: true, metafile: true, external: nodeBuiltins, plugins: [portableGuard(root)] };
const PAYLOAD_DIR = "dist/payload";
const payloadBuilds = [
  // The engine host embedded in main.js, with the engines that need no native code.
  { ...embedded, entryPoints: ["src/engines/host/engine-host.ts"], outfile: `${PAYLOAD_DIR}/engine-host.js`, plugins: [portableProcessors(root), portableGuard(root)] },
  // tesseract.js's worker thread with its core's JavaScript; the core's .wasm is read from beside it.
  // Electron's Node has fetch, so node-fetch (its fallback) is never loaded.
  {
    ...embedded,
    entryPoints: ["node_modules/tesseract.js/src/worker-script/node/index.js"],
    outfile: `${PAYLOAD_DIR}/tesseract-worker.js`,
    external: [...nodeBuiltins, "node-fetch"],
    plugins: [oneTesseractCore(root), portableGuard(root)],
  },
  // The renderer's decode worker (a Web Worker in Obsidian: mediabunny + WebCodecs for AAC and Vorbis,
  // src/obsidian/renderer-decode); the plugin starts it from this text when the engine host asks.
  {
    ...embedded,
    platform: "browser",
    format: "iife",
    entryPoints: ["src/obsidian/renderer-decode/decode-worker.ts"],
    outfile: `${PAYLOAD_DIR}/renderer-decode-worker.js`,
    external: [],
  },
];
/**
 * The entries of main.js's payload: extracted by the engine host (eager) or on first use
 * (`currentPayload().file(name)`). `source` (repository-relative) takes a file as it is, e.g. a
 * package's .wasm, and puts its package in THIRD_PARTY_NOTICES; else the file is PAYLOAD_DIR/name.
 */
const payloadEntries = [
  { name: "engine-host.js", eager: true },
  { name: "tesseract-worker.js", eager: false },
  { name: "renderer-decode-worker.js", eager: false },
  { name: "tesseract-core-simd-lstm.wasm", eager: false, source: "node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm" },
  // whisper.cpp in WebAssembly (vendor/whisper-wasm, scripts/build-whisper-wasm.mjs): its three files side by side.
  ...["whisper-wasm.js", "whisper-wasm.wasm", "whisper-wasm.worker.js"].map((name) => ({ name, eager: false, source: `vendor/whisper-wasm/${name}` })),
  ...(await embeddedAssets()),
  // The 30 s Spanish clip "Which model for my machine?" times each model on (espeak-ng, 93 KB).
  { name: "which-model-30s-es.webm", eager: false, source: "assets/which-model-30s-es.webm" },
];

/**
 * The WebAssembly assets (src/engines/assets/wasm-assets.ts) the embedded engines carry, taken from
 * node_modules where the tests find them: the photo decoders. Tesseract's Spanish and English data
 * (5 MB, most of main.js when it rode here) is downloaded as a model instead
 * (src/engines/image/ocr-language-catalog.ts). Every asset adds to what Obsidian reads at each
 * start (about 30 ms per MB of main.js here, bench/results/plugin-load.json), so ONNX Runtime
 * (14 MB) and Silero come in with the engine that uses them (transcription), not before.
 */
async function embeddedAssets() {
  const names = ["mozjpeg_dec.wasm", "squoosh_png_bg.wasm", "webp_dec.wasm"];
  const toolFile = path.join(root, "dist/build-tools/node-module-assets.cjs");
  await esbuild.build({ ...common, sourcemap: false, logLevel: "warning", entryPoints: ["src/engines/assets/node-module-assets.ts"], outfile: toolFile });
  const { assetPathInNodeModules } = createRequire(import.meta.url)(toolFile);
  return names.map((name) => ({ name, eager: false, source: path.relative(root, assetPathInNodeModules(name)) }));
}

/** The `-e` script that starts the embedded host: a string constant in main.js, a few KB. */
async function buildBootstrap() {
  const result = await esbuild.build({ ...embedded, entryPoints: ["src/engines/payload/host-bootstrap.ts"], write: false, logLevel: "warning" });
  return result.outputFiles[0].text;
}

/** esbuild cannot import TypeScript from here: bundle the payload writer and load it. */
async function loadPayloadWriter() {
  const result = await esbuild.build({ ...common, sourcemap: false, format: "esm", entryPoints: ["src/engines/payload/payload-writer.ts"], write: false, logLevel: "warning" });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString("base64")}`);
}

const { appendPayload } = await loadPayloadWriter();
const appendPayloadToMain = {
  name: "append-payload",
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const mainJs = path.join(root, "main.js");
      const files = payloadEntries.map(({ name, eager, source }) => ({ name, eager, bytes: readFileSync(path.join(root, source ?? path.join(PAYLOAD_DIR, name))) }));
      writeFileSync(mainJs, appendPayload(readFileSync(mainJs), files, path.join(root, "node_modules/.cache/bitacora-payload")));
    });
  },
};

const mainBuild = (bootstrap) => ({
  ...common,
  entryPoints: ["src/obsidian/main.ts"],
  outfile: "main.js",
  external: [...obsidianExternals, ...nativeExternals, ...nodeBuiltins],
  define: { BITACORA_HOST_BOOTSTRAP: JSON.stringify(bootstrap) },
  metafile: true,
  plugins: [appendPayloadToMain],
});

const builds = [
  // The native engine host: the CLI's, the tests', and the optional native pack's (scripts/package-plugin.mjs).
  { ...common, entryPoints: ["src/engines/host/engine-host.ts"], outfile: "dist/engine-host.js", external: [...nativeExternals, ...nodeBuiltins] },
  // The audio decoder's worker thread (killable when a demuxer hangs on a damaged file); lives next to engine-host.js.
  { ...common, entryPoints: ["src/engines/audio/decode-worker.ts"], outfile: "dist/audio-decode-worker.js", external: [...nativeExternals, ...nodeBuiltins] },
  // The headless command line.
  { ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", external: [...nativeExternals, ...nodeBuiltins] },
];

const payloadResults = await Promise.all(payloadBuilds.map((b) => esbuild.build(b)));
const bootstrap = await buildBootstrap();
if (production) {
  const [mainResult] = await Promise.all([mainBuild(bootstrap), ...builds].map((b) => esbuild.build(b)));
  // What main.js carries, package by package, with each licence (THIRD_PARTY_NOTICES).
  const inputs = [mainResult, ...payloadResults].flatMap((result) => Object.keys(result.metafile.inputs));
  inputs.push(...payloadEntries.flatMap((entry) => (entry.source ? [entry.source] : [])));
  // Built from source rather than taken from npm: whisper.cpp (the pinned tree in nodejs-whisper) and Emscripten's runtime.
  const buildInfo = JSON.parse(readFileSync(path.join(root, "vendor/whisper-wasm/build-info.json"), "utf8"));
  const whisperVersion = buildInfo.whisperCpp.split(" ")[0];
  const emccVersion = /\d+\.\d+\.\d+/.exec(buildInfo.emcc)?.[0] ?? "unknown";
  writeThirdPartyNotices(root, inputs, [
    { name: "whisper.cpp", version: whisperVersion, licence: "MIT", text: readFileSync(path.join(root, "node_modules/nodejs-whisper/cpp/whisper.cpp/LICENSE"), "utf8").trim() },
    {
      name: "Emscripten runtime (in whisper-wasm.js and whisper-wasm.worker.js)",
      version: emccVersion,
      licence: "MIT or University of Illinois/NCSA",
      text: "Emscripten is available under 2 licenses, the MIT license and the University of Illinois/NCSA Open Source License; see https://github.com/emscripten-core/emscripten/blob/main/LICENSE.",
    },
  ]);
} else {
  // Watching rebuilds main.js and the native host; restart to rebuild the payload.
  const contexts = await Promise.all([...builds, mainBuild(bootstrap)].map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
}
