import os from "node:os";
import path from "node:path";

/**
 * Where the engine host extracted from main.js is cached: the per-user cache folder of the
 * platform, outside every vault (sync would copy it, and it is rebuilt from main.js anyway).
 */
export function engineCacheRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === "win32") return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, "AppData", "Local"), "Bitacora", "Cache", "engine");
  if (platform === "darwin") return path.posix.join(home, "Library", "Caches", "Bitacora", "engine");
  return path.posix.join(env.XDG_CACHE_HOME || path.posix.join(home, ".cache"), "bitacora", "engine");
}
