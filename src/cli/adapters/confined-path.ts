import { realpath } from "node:fs/promises";
import path from "node:path";
import { checkVaultPath, isInside } from "../../core/paths/vault-path";

/** A path that would read or write outside the vault (`..`, absolute, or a symlink out of it). */
export class PathOutsideVaultError extends Error {}

/** The real path of `file`, or of its nearest existing folder when it does not exist yet. */
async function realPathOfNearest(file: string): Promise<string> {
  let probe = file;
  for (;;) {
    try {
      return await realpath(probe);
    } catch (error) {
      const parent = path.dirname(probe);
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || parent === probe) throw error;
      probe = parent;
    }
  }
}

/**
 * The absolute path of a vault path, once it is proven to stay inside the vault: the rules of
 * core/paths, then symlinks resolved (a link that stays inside the vault is fine).
 */
export async function confinedPath(root: string, realRoot: string, vaultPath: string): Promise<string> {
  const check = checkVaultPath(vaultPath);
  if (!check.ok) throw new PathOutsideVaultError(`Refused the path ${JSON.stringify(vaultPath)}: it ${check.reason}.`);
  const absolute = path.join(root, ...check.path.split("/"));
  const real = await realPathOfNearest(absolute);
  if (!isInside(realRoot, real, path.sep)) {
    throw new PathOutsideVaultError(`Refused ${JSON.stringify(vaultPath)}: it is a link to ${real}, outside the vault.`);
  }
  return absolute;
}
