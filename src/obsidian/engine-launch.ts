import { existsSync, readFileSync } from "node:fs";
import nodePath from "node:path";
import type { EngineHostLaunch } from "../engines/host/engine-client";
import { engineCacheRoot } from "../engines/payload/cache-root";

/** Set by esbuild.config.mjs: the bootstrap that starts the engine host embedded in main.js. */
declare const BITACORA_HOST_BOOTSTRAP: string | undefined;

/** The optional native engines a user unpacked by hand into the plugin folder (README, "Native speed-ups"). */
export const NATIVE_PACK_FOLDER = "native";

export type ChosenLaunch =
  | { launch: EngineHostLaunch; engine: "native pack" | "built-in"; warning?: string }
  | { launch: undefined; engine: "none"; warning: string };

function nativePackVersion(folder: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(nodePath.join(folder, "native-pack.json"), "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Which engine host the plugin starts: the native pack when the user unpacked one for this very
 * version (a pack from another version could speak another protocol), else the WebAssembly host
 * embedded in main.js. Nothing is downloaded.
 */
export function chooseEngineLaunch(pluginDir: string, version: string, bootstrap = embeddedBootstrap()): ChosenLaunch {
  const pack = nodePath.join(pluginDir, NATIVE_PACK_FOLDER);
  const packScript = nodePath.join(pack, "engine-host.js");
  let warning: string | undefined;
  if (existsSync(packScript)) {
    const packVersion = nativePackVersion(pack);
    if (packVersion === version) return { launch: { hostScript: packScript }, engine: "native pack" };
    warning = `The native engines in ${pack} are for version ${packVersion ?? "unknown"}, not ${version}: using the built-in engines. Unpack the native pack of this release to use them.`;
  }
  if (bootstrap) {
    const mainJs = nodePath.join(pluginDir, "main.js");
    return { launch: { embedded: { bootstrap, mainJs, cacheRoot: engineCacheRoot() } }, engine: "built-in", warning };
  }
  return { launch: undefined, engine: "none", warning: warning ?? `Bitácora cannot process attachments: this main.js has no engines (a development build) and ${packScript} is missing.` };
}

function embeddedBootstrap(): string | undefined {
  return typeof BITACORA_HOST_BOOTSTRAP === "string" ? BITACORA_HOST_BOOTSTRAP : undefined;
}
