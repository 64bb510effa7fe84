/** src/core is pure TypeScript: this fails the build the day someone imports Obsidian or Node I/O there. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const CORE = path.resolve(__dirname, "../../src/core");
const FORBIDDEN = /^(obsidian|electron|fs|fs\/promises|child_process|worker_threads|net|http|https|os|path|node:.*)$/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsFiles(path.join(dir, entry.name)) : entry.name.endsWith(".ts") ? [path.join(dir, entry.name)] : [],
  );
}

function importsOf(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3]);
}

test("the import scanner catches a forbidden import (so the purity test can fail)", () => {
  const sample = 'import { readFile } from "node:fs/promises";\nconst cp = require("child_process");\nimport type { App } from "obsidian";';
  expect(importsOf(sample).filter((s) => FORBIDDEN.test(s))).toEqual(["node:fs/promises", "child_process", "obsidian"]);
});

test("no file in src/core imports obsidian, fs, child_process or any other Node module", () => {
  const offenders = tsFiles(CORE).flatMap((file) =>
    importsOf(readFileSync(file, "utf8"))
      .filter((specifier) => FORBIDDEN.test(specifier))
      .map((specifier) => `${path.relative(CORE, file)} imports ${specifier}`),
  );
  expect(tsFiles(CORE).length).toBeGreaterThan(20);
  expect(offenders).toEqual([]);
});
