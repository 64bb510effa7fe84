/** The built CLI (dist/cli.js via bin/bitacora.js) end to end on temporary copies of the sample vault. */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { watchProcess } from "./watch-process";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/bitacora.js");
// whisper.cpp's weightless test model: real engine, meaningless words (no real weights here).
const TEST_MODEL = path.resolve(ROOT, "../shared/testdata/whisper_models/for-tests-ggml-tiny.bin");

function bitacora(...args: string[]) {
  // HOME points at an empty folder so no model installed on this machine is picked up.
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: mkdtempSync(path.join(tmpdir(), "bitacora-home-")) };
  delete env.XDG_DATA_HOME;
  return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 600000, env });
}

function sampleVaultCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-cli-"));
  cpSync(path.join(ROOT, "sample-vault"), dir, { recursive: true });
  return dir;
}

const entriesIn = (vault: string) =>
  readdirSync(path.join(vault, "Logs"))
    .filter((f) => f.endsWith(".md"))
    .flatMap((f) => parseLogNote(readFileSync(path.join(vault, "Logs", f), "utf8")).entries.map((p) => p.entry));

test("without a Whisper model: photos are processed, recordings say how to get a model, exit 1", () => {
  const vault = sampleVaultCopy();
  const result = bitacora("process", vault);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(1);
  expect(result.stdout).toContain("Log notes are in");
  // One block per attachment (the staging voice note and its dashboard screenshot share one entry).
  const blocks = readdirSync(path.join(vault, "Logs"))
    .filter((f) => f.endsWith(".md"))
    .flatMap((f) => parseLogNote(readFileSync(path.join(vault, "Logs", f), "utf8")).entries.flatMap((p) => p.blocks.map((b) => ({ ...b, text: p.lines.slice(b.start, b.end).join("") }))));
  expect(blocks.map((b) => b.attachment).sort()).toEqual(readdirSync(path.join(vault, "Attachments")).map((f) => `Attachments/${f}`).sort());
  for (const block of blocks) {
    if (block.kind === "image") expect(block.status).toBe("Processed");
    else {
      expect(block.status).toBe("Error");
      expect(block.text).toMatch(/No Whisper model is installed/);
    }
  }
  expect(entriesIn(vault).length).toBeLessThan(blocks.length);
  expect(existsSync(path.join(vault, "Dashboards/Sprint.md"))).toBe(true);
  const status = bitacora("status", vault, "--json");
  expect(JSON.parse(status.stdout)).toMatchObject({ processed: blocks.filter((b) => b.kind === "image").length });
});

test("with a model: a recording is transcribed through real whisper.cpp; a second run has nothing to do", () => {
  const vault = mkdtempSync(path.join(tmpdir(), "bitacora-cli-"));
  mkdirSync(path.join(vault, "Attachments"));
  copyFileSync(path.join(ROOT, "sample-vault/Attachments/Recording 20250730112005.m4a"), path.join(vault, "Attachments/Recording 20250730112005.m4a"));
  const result = bitacora("process", vault, "--model", TEST_MODEL, "--language", "es", "--json");
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const events = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { event: string; path?: string });
  expect(events).toEqual([{ event: "done", path: "Attachments/Recording 20250730112005.m4a" }, expect.objectContaining({ event: "finished", failed: 0 })]);
  const [entry] = entriesIn(vault);
  expect(entry).toMatchObject({ status: "Processed", date: "2025-07-30T11:20", kind: "audio" });
  expect(entry.fields.duration).toMatch(/^\d+:\d{2}$/);

  const again = bitacora("process", vault, "--model", TEST_MODEL, "--json");
  expect(again.status).toBe(0);
  expect(again.stdout.trim().split("\n").map((line) => JSON.parse(line).event)).toEqual(["finished"]);
});

test("a broken attachment makes process exit 1 with an error entry", () => {
  const vault = mkdtempSync(path.join(tmpdir(), "bitacora-cli-"));
  writeFileSync(path.join(vault, "Screenshot 2025-07-30 at 10.10.10.png"), "not an image at all");
  const result = bitacora("process", vault);
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/✗ Screenshot 2025-07-30 at 10\.10\.10\.png — /);
  const note = readFileSync(path.join(vault, "Logs/2025-07-30.md"), "utf8");
  expect(parseLogNote(note).entries[0].entry.status).toBe("Error");
});

test("usage errors exit 2, a missing vault exits 3", () => {
  expect(bitacora("frobnicate", "x").status).toBe(2);
  expect(bitacora("process").status).toBe(2);
  const engine = bitacora("process", ".", "--whisper-engine", "gpu");
  expect(engine.status).toBe(2);
  expect(engine.stderr).toContain("--whisper-engine is native or wasm");
  const missing = bitacora("process", path.join(tmpdir(), "no-such-vault-here"));
  expect(missing.status).toBe(3);
  expect(missing.stderr).toContain("No vault folder");
});

test("--watch processes an attachment that arrives while it runs, and stops cleanly on Ctrl+C", async () => {
  const vault = mkdtempSync(path.join(tmpdir(), "bitacora-cli-"));
  const cli = watchProcess(vault);
  await cli.line(/^Watching for new attachments/);
  copyFileSync(path.resolve(ROOT, "../shared/testdata/ocr/synthetic_es.png"), path.join(vault, "Screenshot 2025-07-30 at 09.15.00.png"));
  // Printed once the new file's entry is written.
  await cli.line(/^· created Screenshot 2025-07-30 at 09.15.00.png$/);
  expect(await cli.interrupt()).toBe(0);
  const note = path.join(vault, "Logs/2025-07-30.md");
  expect(readFileSync(note, "utf8")).toContain("\nstatus:: Processed\n");
  expect(readFileSync(note, "utf8")).toContain("Mañana iré a la montaña");
});
