/**
 * Installs the built plugin the way Obsidian's community directory and BRAT do (main.js,
 * manifest.json and styles.css, nothing else) and loads main.js the way Obsidian does: its text
 * evaluated with a `require` that knows only `obsidian`, `electron` and Node's builtins.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import * as standIn from "../obsidian-stand-in/obsidian";
import { REPO } from "./harness";

export const THREE_FILES = ["main.js", "manifest.json", "styles.css"] as const;

export function installThreeFiles(pluginDir: string): void {
  mkdirSync(pluginDir, { recursive: true });
  for (const file of THREE_FILES) copyFileSync(path.join(REPO, file), path.join(pluginDir, file));
}

/** What main.js asked `require` for, so a test can say nothing else was needed. */
export const requested = new Set<string>();

function obsidianRequire(name: string): unknown {
  requested.add(name);
  if (name === "obsidian") return standIn;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node builtins, as Electron's renderer offers them
  if (isBuiltin(name)) return require(name);
  throw new Error(`main.js required "${name}", which a three-file install does not have`);
}

/** Evaluates the installed main.js and returns its default export, the plugin class. */
export function loadMainJs(pluginDir: string): new (app: unknown, manifest: unknown) => standIn.Plugin {
  const file = path.join(pluginDir, "main.js");
  // A function of the test's own realm, so the code sees the same `process` as the test.
  const wrapper = new Function("require", "module", "exports", `${readFileSync(file, "utf8")}\n//# sourceURL=${file}`) as (
    require: (name: string) => unknown,
    module: { exports: Record<string, unknown> },
    exports: Record<string, unknown>,
  ) => void;
  const module = { exports: {} as Record<string, unknown> };
  wrapper(obsidianRequire, module, module.exports);
  return (module.exports.default ?? module.exports) as new (app: unknown, manifest: unknown) => standIn.Plugin;
}
