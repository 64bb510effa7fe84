import { lstatSync, watch } from "node:fs";
import path from "node:path";
import type { BitacoraService } from "../core/service/bitacora-service";

/** Feeds file-system events under the vault to the service until the returned stop() is called. */
export function watchVault(root: string, service: BitacoraService): () => void {
  const watcher = watch(root, { recursive: true }, (event, filename) => {
    if (!filename) return;
    const vaultPath = filename.split(path.sep).join("/");
    if (vaultPath.split("/").some((part) => part.startsWith("."))) return;
    let kind: "file" | "folder" | null = null;
    try {
      kind = lstatSync(path.join(root, filename)).isDirectory() ? "folder" : "file";
    } catch {
      kind = null;
    }
    // A folder named like a recording ("x.m4a") is not an attachment; symlinks are checked by the vault.
    if (kind === "folder") return;
    const exists = kind === "file";
    if (event === "rename") {
      if (exists) service.fileCreated(vaultPath);
      else service.fileDeleted(vaultPath);
    } else if (exists) {
      service.fileModified(vaultPath);
    }
  });
  return () => watcher.close();
}
