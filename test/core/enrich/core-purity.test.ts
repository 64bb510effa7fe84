/** src/core/enrich and src/core/dashboards stay pure: no Obsidian, no Node I/O, no processes. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const FORBIDDEN = /from\s+["'](obsidian|fs|node:fs|fs\/promises|node:fs\/promises|child_process|node:child_process|path|node:path|worker_threads|node:worker_threads|electron)["']|require\(["'](obsidian|fs|child_process)/;

test.each(["enrich", "dashboards"])("src/core/%s imports no obsidian/fs/child_process", (folder) => {
  const dir = path.resolve(__dirname, "../../../src/core", folder);
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  expect(files.length).toBeGreaterThan(3);
  for (const file of files) expect([file, FORBIDDEN.test(readFileSync(path.join(dir, file), "utf8"))]).toEqual([file, false]);
});
