import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { nativeExternals } from "./scripts/native-externals.mjs";

const production = process.argv[2] === "production";

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

const builds = [
  // The Obsidian plugin itself.
  { ...common, entryPoints: ["src/obsidian/main.ts"], outfile: "main.js", external: [...obsidianExternals, ...nativeExternals, ...nodeBuiltins] },
  // The engine host: a child process that runs decoding, VAD, Whisper, OCR and emotion off the UI thread.
  { ...common, entryPoints: ["src/engines/host/engine-host.ts"], outfile: "dist/engine-host.js", external: [...nativeExternals, ...nodeBuiltins] },
  // The audio decoder's worker thread (killable when a demuxer hangs on a damaged file); lives next to engine-host.js.
  { ...common, entryPoints: ["src/engines/audio/decode-worker.ts"], outfile: "dist/audio-decode-worker.js", external: [...nativeExternals, ...nodeBuiltins] },
  // The headless command line.
  { ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", external: [...nativeExternals, ...nodeBuiltins] },
];

if (production) {
  await Promise.all(builds.map((b) => esbuild.build(b)));
} else {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
}
