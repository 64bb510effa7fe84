// Bundles the TypeScript benchmark with esbuild (a dev dependency) and runs it with GC exposed.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(mkdtempSync(path.join(tmpdir(), "bitacora-bench-")), "bench.cjs");
await build({ entryPoints: [path.join(here, "bench.ts")], bundle: true, platform: "node", format: "cjs", outfile, logLevel: "error", define: { __dirname: JSON.stringify(here) } });
const run = spawnSync(process.execPath, ["--expose-gc", outfile], { stdio: "inherit" });
process.exit(run.status ?? 1);
