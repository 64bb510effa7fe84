// Runs a TypeScript bench or eval entry: bundles it with esbuild into .tmp/ (inside the repo, so
// node_modules resolves), with the audio decode worker beside it as in the shipped engine host,
// then runs it with the remaining arguments. Native packages stay external, as in esbuild.config.mjs.
// Usage: node scripts/run-ts.mjs <entry.ts> [args…]
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { nativeExternals } from "./native-externals.mjs";

const [entry, ...args] = process.argv.slice(2);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, ".tmp");
const outfile = path.join(outDir, `run-${path.basename(entry, ".ts")}.cjs`);
const common = { bundle: true, platform: "node", format: "cjs", target: "es2022", logLevel: "warning" };
// esbuild and puppeteer-core (bench/renderer-decode-bench.ts) load their own binaries and files: never bundled.
const external = [...nativeExternals, "esbuild", "puppeteer-core", ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
// Plugin code in a bench runs over the Obsidian stand-in (Obsidian itself cannot run here).
const alias = { obsidian: path.join(root, "test/obsidian-stand-in/obsidian.ts") };
await esbuild.build({ ...common, entryPoints: [path.resolve(root, entry)], outfile, external, alias });
await esbuild.build({ ...common, entryPoints: [path.join(root, "src/engines/audio/decode-worker.ts")], outfile: path.join(outDir, "audio-decode-worker.js"), external });
process.argv = [process.argv[0], outfile, ...args];
// Entries find the repository (bench/results, eval/results, testdata) through this.
process.env.BITACORA_ROOT = root;
await import(pathToFileURL(outfile).href);
