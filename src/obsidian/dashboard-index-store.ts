import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { IndexStore } from "../core/dashboards/log-note-index";
import { engineCacheRoot } from "../engines/payload/cache-root";

/**
 * The dashboards' index of the log folder, kept on this device only: in the per-user cache folder,
 * outside every vault (a sync client would copy it and wake other devices), one file per vault.
 * Deleting it is always safe: the next start reads the log folder once.
 */
export function dashboardIndexFile(vaultBasePath: string, cacheRoot = path.dirname(engineCacheRoot())): string {
  const vaultId = createHash("sha256").update(vaultBasePath).digest("hex").slice(0, 16);
  return path.join(cacheRoot, "dashboard-index", `${vaultId}.json`);
}

/** A JSON file written whole to a temporary name, then renamed (a reader never sees half of it). */
export class JsonFileIndexStore implements IndexStore {
  constructor(private readonly file: string) {}

  async load(): Promise<unknown> {
    const text = await readFile(this.file, "utf8").catch(() => null);
    return text === null ? null : (JSON.parse(text) as unknown);
  }

  async save(snapshot: unknown): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(snapshot));
    await rename(temporary, this.file);
  }
}
