import { mediaKindOf } from "../core/media";
import type { BitacoraService } from "../core/service/bitacora-service";
import type { VaultChanges } from "./watch-vault";

type Change = "created" | "modified" | "renamed" | "deleted";

/**
 * Hands the watcher's changes to the service and prints one line per attachment change once the
 * queue has settled after it (its entry written), so a script or a test can wait for that line.
 */
export function reportedChanges(service: BitacoraService, json: boolean, out: NodeJS.WritableStream = process.stdout): VaultChanges {
  const report = (change: Change, path: string, oldPath?: string, handled: Promise<unknown> = Promise.resolve()) => {
    if (!mediaKindOf(path) && !(oldPath && mediaKindOf(oldPath))) return;
    void handled.catch(() => undefined).then(async (outcome) => {
      // A change that queued nothing (a file still being written, a touch) is not worth a line.
      if (outcome === false) return;
      await service.idle();
      if (json) out.write(`${JSON.stringify({ event: "watch", change, path, oldPath })}\n`);
      else out.write(`· ${change} ${oldPath ? `${oldPath} → ` : ""}${path}\n`);
    });
  };
  return {
    fileCreated: (path) => report("created", path, undefined, service.fileCreated(path)),
    fileModified: (path) => report("modified", path, undefined, service.fileModified(path)),
    fileRenamed: (path, oldPath) => (service.fileRenamed(path, oldPath), report("renamed", path, oldPath)),
    fileDeleted: (path) => (service.fileDeleted(path), report("deleted", path)),
  };
}
