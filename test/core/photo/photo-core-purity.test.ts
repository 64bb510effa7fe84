/** src/core/photo stays pure: no file system, Obsidian, processes or network. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const DIR = path.resolve(__dirname, "../../../src/core/photo");
const FORBIDDEN = /from\s+["'](node:)?(fs|fs\/promises|child_process|http|https|net|worker_threads)["']|from\s+["']obsidian["']|from\s+["']\.\.\/\.\.\/engines/;

test.each(readdirSync(DIR).filter((file) => file.endsWith(".ts")))("%s imports nothing impure", (file) => {
  expect(readFileSync(path.join(DIR, file), "utf8")).not.toMatch(FORBIDDEN);
});
