// Bundles a TypeScript eval/bench entry with esbuild and runs it, passing the arguments on.
// Usage: node eval/emotion/run.mjs <entry.ts> [args…]
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const outfile = path.join(root, ".tmp", `${path.basename(entry, ".ts")}.cjs`);
await esbuild.build({
  entryPoints: [path.resolve(root, entry)],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "es2022",
  logLevel: "warning",
  external: ["node-web-audio-api", "onnxruntime-node", "@fugood/whisper.node", "sharp", ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
});
process.argv = [process.argv[0], outfile, ...args];
// Entries find the repository (eval/results, bench/results, testdata) through this.
process.env.BITACORA_ROOT = root;
await import(pathToFileURL(outfile).href);
