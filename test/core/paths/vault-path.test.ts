import { checkVaultPath, isInside, vaultPathOrNull } from "../../../src/core/paths/vault-path";

describe("checkVaultPath", () => {
  test.each([
    ["Logs", "Logs"],
    ["Logs/", "Logs"],
    ["./Logs//2025", "Logs/2025"],
    ["Research\\Logs", "Research/Logs"],
    [" Dashboards/Sprint.md ", "Dashboards/Sprint.md"],
    ["Notas de campo/día 1.md", "Notas de campo/día 1.md"],
    ["a..b/c...md", "a..b/c...md"],
  ])("%j is the vault path %j", (raw, expected) => {
    expect(checkVaultPath(raw)).toEqual({ ok: true, path: expected });
  });

  test.each([
    ["../x", /`\.\.`/],
    ["Logs/../../victim.md", /`\.\.`/],
    ["..\\x", /`\.\.`/],
    ["/etc/passwd", /absolute/],
    ["\\\\server\\share", /absolute/],
    ["C:/Users/x", /absolute/],
    ["c:x", /absolute/],
    ["~/notes", /absolute/],
    ["Logs/a\nb.md", /control/],
    ["Logs/\u0000.md", /control/],
    ["", /empty/],
    ["./", /empty/],
    [42, /not text/],
    [null, /not text/],
  ])("%j is refused", (raw, reason) => {
    const check = checkVaultPath(raw);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  test("the root is accepted only where it is meant to be", () => {
    expect(checkVaultPath("", { allowRoot: true })).toEqual({ ok: true, path: "" });
    expect(checkVaultPath("/", { allowRoot: true }).ok).toBe(false);
  });
});

test("vaultPathOrNull says what was ignored and why", () => {
  const warnings: string[] = [];
  expect(vaultPathOrNull("../x", "log folder", (m) => warnings.push(m))).toBeNull();
  expect(vaultPathOrNull("Logs", "log folder", (m) => warnings.push(m))).toBe("Logs");
  expect(warnings).toEqual(['Ignored log folder "../x": it goes up with `..`; paths must stay inside the vault.']);
});

test.each([
  ["/v", "/v", true],
  ["/v", "/v/Logs/a.md", true],
  ["/v/", "/v/Logs", true],
  ["/v", "/vault-other/a.md", false],
  ["/v", "/etc/passwd", false],
])("isInside(%j, %j) is %j", (root, real, inside) => {
  expect(isInside(root, real)).toBe(inside);
});
