/**
 * Rules for paths read from the vault (synced settings, state.json, watcher events): a path is
 * vault-relative, "/"-separated, and cannot leave the vault. Pure: symlinks are checked by the
 * adapters, which can resolve real paths.
 */
export type VaultPathCheck = { ok: true; path: string } | { ok: false; reason: string };

export interface VaultPathRules {
  /** The vault's root itself ("" after normalising) is acceptable, e.g. a log folder at the root. */
  allowRoot?: boolean;
}

// eslint-disable-next-line no-control-regex -- control characters in a path are damage or an attack
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Normalises a vault path, or says why it is not one (absolute, `..`, control characters). */
export function checkVaultPath(raw: unknown, rules: VaultPathRules = {}): VaultPathCheck {
  if (typeof raw !== "string") return { ok: false, reason: "is not text" };
  if (CONTROL.test(raw)) return { ok: false, reason: "contains control characters" };
  const slashed = raw.replace(/\\/g, "/").trim();
  if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed) || slashed.startsWith("~")) {
    return { ok: false, reason: "is absolute; paths must be inside the vault" };
  }
  const parts = slashed.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.some((part) => part === "..")) return { ok: false, reason: "goes up with `..`; paths must stay inside the vault" };
  const path = parts.join("/");
  if (!path && !rules.allowRoot) return { ok: false, reason: "is empty" };
  return { ok: true, path };
}

/** The normalised path, or null (with `warn` told why) when it may not be used. */
export function vaultPathOrNull(raw: unknown, what: string, warn: (message: string) => void, rules: VaultPathRules = {}): string | null {
  const check = checkVaultPath(raw, rules);
  if (check.ok) return check.path;
  warn(`Ignored ${what} ${JSON.stringify(raw)}: it ${check.reason}.`);
  return null;
}

/** True when `real` (an absolute real path) is `root` or inside it; both use the same separator. */
export function isInside(root: string, real: string, separator = "/"): boolean {
  const base = root.endsWith(separator) ? root : root + separator;
  return real === root || real.startsWith(base);
}
