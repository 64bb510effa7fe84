/**
 * --watch listens before its first pass: a file that arrives while the first pass runs is
 * processed, and a folder named like a recording never becomes an entry.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseLogNote } from "../../src/core/log/parse-log-note";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/bitacora.js");
const OCR_IMAGE = path.resolve(ROOT, "../shared/testdata/ocr/synthetic_es.png");

test("a file that arrives during the first pass of --watch is processed; a folder named x.m4a is not an attachment", async () => {
  const vault = mkdtempSync(path.join(tmpdir(), "bitacora-watch-"));
  copyFileSync(OCR_IMAGE, path.join(vault, "Screenshot 2025-07-30 at 09.00.00.png"));
  writeFileSync(path.join(vault, "Screenshot 2025-07-30 at 12.05.00.png"), "not an image");
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: mkdtempSync(path.join(tmpdir(), "bitacora-home-")) };
  const child = spawn(process.execPath, [BIN, "process", vault, "--watch"], { stdio: ["ignore", "pipe", "pipe"], env });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // As soon as the first pass has begun (its count is printed), before it has finished.
  for (let i = 0; i < 1200 && !stdout.includes("Processing "); i++) await new Promise((r) => setTimeout(r, 25));
  mkdirSync(path.join(vault, "Carpeta 20250730100000.m4a"));
  copyFileSync(OCR_IMAGE, path.join(vault, "Screenshot 2025-07-30 at 16.10.00.png"));
  const note = path.join(vault, "Logs/2025-07-30.md");
  const statusOf = (name: string) =>
    existsSync(note) ? parseLogNote(readFileSync(note, "utf8")).entries.find((e) => e.attachments.includes(name))?.entry.status : undefined;
  for (let i = 0; i < 2400 && statusOf("Screenshot 2025-07-30 at 16.10.00.png") !== "Processed"; i++) await new Promise((r) => setTimeout(r, 50));
  expect(statusOf("Screenshot 2025-07-30 at 16.10.00.png")).toBe("Processed");
  for (let i = 0; i < 1200 && !stdout.includes("Watching for new attachments"); i++) await new Promise((r) => setTimeout(r, 50));
  child.kill("SIGINT");
  // 1: the broken screenshot failed, with its error entry.
  expect(await exited).toBe(1);
  const attachments = parseLogNote(readFileSync(note, "utf8")).entries.flatMap((e) => e.attachments);
  expect(attachments.filter((a) => a.includes("Carpeta"))).toEqual([]);
}, 180000);
