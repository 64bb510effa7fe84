// Bundles a Whisper benchmark entry (TypeScript) with esbuild and runs it with the given arguments.
// Usage: node bench/whisper/run.mjs bench/whisper/<entry>.ts [--model path] [--threads n] …
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const outfile = path.join(root, ".tmp", `bench-${path.basename(entry, ".ts")}.cjs`);
await esbuild.build({
  entryPoints: [path.resolve(root, entry)],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "es2022",
  logLevel: "warning",
  external: ["@fugood/whisper.node", "onnxruntime-node", "node-web-audio-api", ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
});
process.argv = [process.argv[0], outfile, ...args];
process.env.BITACORA_ROOT = root;
await import(pathToFileURL(outfile).href);
