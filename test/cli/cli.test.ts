/** The built CLI (dist/cli.js via bin/bitacora.js) end to end on a temporary copy of the sample vault. */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseLogNote } from "../../src/core/log/parse-log-note";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/bitacora.js");

function bitacora(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120000 });
}

function sampleVaultCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-cli-"));
  cpSync(path.join(ROOT, "sample-vault"), dir, { recursive: true });
  return dir;
}

test("process writes a log entry for every sample attachment, then status reports them", () => {
  const vault = sampleVaultCopy();
  const result = bitacora("process", vault);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("Log notes are in");
  const logs = readdirSync(path.join(vault, "Logs")).filter((f) => f.endsWith(".md"));
  expect(logs.length).toBeGreaterThan(0);
  const entries = logs.flatMap((f) => parseLogNote(readFileSync(path.join(vault, "Logs", f), "utf8")).entries);
  const attachments = readdirSync(path.join(vault, "Attachments"));
  expect(entries).toHaveLength(attachments.length);
  expect(entries.every((p) => p.entry.status === "Processed")).toBe(true);

  const again = bitacora("process", vault, "--json");
  expect(again.status).toBe(0);
  expect(again.stdout.trim().split("\n").map((line) => JSON.parse(line).event)).toEqual(["finished"]);

  const status = bitacora("status", vault, "--json");
  expect(JSON.parse(status.stdout)).toMatchObject({ processed: attachments.length, failed: [] });
});

test("a broken attachment makes process exit 1 with an error entry", () => {
  const vault = mkdtempSync(path.join(tmpdir(), "bitacora-cli-"));
  require("node:fs").writeFileSync(path.join(vault, "Recording 20250730101010.webm"), "not audio at all");
  const result = bitacora("process", vault);
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/✗ Recording 20250730101010\.webm — /);
  const note = readFileSync(path.join(vault, "Logs/2025-07-30.md"), "utf8");
  expect(parseLogNote(note).entries[0].entry.status).toBe("Error");
});

test("usage errors exit 2, a missing vault exits 3", () => {
  expect(bitacora("frobnicate", "x").status).toBe(2);
  expect(bitacora("process").status).toBe(2);
  const missing = bitacora("process", path.join(tmpdir(), "no-such-vault-here"));
  expect(missing.status).toBe(3);
  expect(missing.stderr).toContain("No vault folder");
  expect(existsSync(BIN)).toBe(true);
});
