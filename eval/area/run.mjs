// Bundles the TypeScript evaluation with esbuild (already a dev dependency) and runs it.
import { build } from "esbuild";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(mkdtempSync(path.join(tmpdir(), "bitacora-eval-")), "evaluate.cjs");
await build({ entryPoints: [path.join(here, "evaluate.ts")], bundle: true, platform: "node", format: "cjs", outfile, logLevel: "error", define: { __dirname: JSON.stringify(here) } });
await import(outfile);
