#!/usr/bin/env node
/**
 * Runs a TypeScript bench script: bundles it with esbuild (native packages stay external, as in
 * esbuild.config.mjs) into a temporary file inside the repo so node_modules resolves, then runs it.
 *   node bench/photo/run-ts.mjs bench/photo/photo-bench.ts [args...]
 */
import esbuild from "esbuild";
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const [entry, ...args] = process.argv.slice(2);
const outfile = path.resolve("bench/photo/.build", `${path.basename(entry, ".ts")}.cjs`);
await esbuild.build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "es2022",
  logLevel: "warning",
  packages: "external",
});
const child = spawn(process.execPath, [outfile, ...args], { stdio: "inherit" });
child.on("exit", (code) => {
  rmSync(path.dirname(outfile), { recursive: true, force: true });
  process.exit(code ?? 1);
});
