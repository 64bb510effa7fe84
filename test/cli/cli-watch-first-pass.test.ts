/**
 * --watch listens before its first pass: a file that arrives while the first pass runs is
 * processed, a folder named like a recording never becomes an entry, and a rename is reported as
 * a rename (the entry follows the file). The test waits for the lines the CLI prints, never for time.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { watchProcess } from "./watch-process";

const ROOT = path.resolve(__dirname, "../..");
const OCR_IMAGE = path.resolve(ROOT, "../shared/testdata/ocr/synthetic_es.png");
const entriesIn = (note: string) => parseLogNote(readFileSync(note, "utf8")).entries.map((e) => e.entry);

test("a file that arrives during the first pass of --watch is processed; a folder named x.m4a is not an attachment", async () => {
  const vault = mkdtempSync(path.join(tmpdir(), "bitacora-watch-"));
  copyFileSync(OCR_IMAGE, path.join(vault, "Screenshot 2025-07-30 at 09.00.00.png"));
  writeFileSync(path.join(vault, "Screenshot 2025-07-30 at 12.05.00.png"), "not an image");
  const cli = watchProcess(vault);
  // As soon as the first pass has begun (its count is printed), before it has finished.
  await cli.line(/^Processing 2 attachment/);
  mkdirSync(path.join(vault, "Carpeta 20250730100000.m4a"));
  copyFileSync(OCR_IMAGE, path.join(vault, "Screenshot 2025-07-30 at 16.10.00.png"));
  await cli.line(/^✓ Screenshot 2025-07-30 at 16.10.00.png$/);
  await cli.line(/^Watching for new attachments/);
  // 1: the broken screenshot failed, with its error entry.
  expect(await cli.interrupt()).toBe(1);
  const entries = entriesIn(path.join(vault, "Logs/2025-07-30.md"));
  expect(entries.find((e) => e.attachment === "Screenshot 2025-07-30 at 16.10.00.png")?.status).toBe("Processed");
  expect(entries.filter((e) => e.attachment.includes("Carpeta"))).toEqual([]);
  expect(cli.lines.filter((l) => l.includes("Carpeta"))).toEqual([]);
}, 180000);

test("--watch reports a rename as a rename: the entry links the new name, no Error entry for the old one, no second processing", async () => {
  const vault = mkdtempSync(path.join(tmpdir(), "bitacora-watch-"));
  copyFileSync(OCR_IMAGE, path.join(vault, "Screenshot 2025-07-30 at 09.00.00.png"));
  mkdirSync(path.join(vault, "Attachments"));
  const cli = watchProcess(vault);
  await cli.line(/^Watching for new attachments/);
  renameSync(path.join(vault, "Screenshot 2025-07-30 at 09.00.00.png"), path.join(vault, "Attachments/Pizarra del lunes.png"));
  await cli.line(/^· renamed Screenshot 2025-07-30 at 09.00.00.png → Attachments\/Pizarra del lunes.png$/);
  expect(await cli.interrupt()).toBe(0);
  const entries = entriesIn(path.join(vault, "Logs/2025-07-30.md"));
  expect(entries.map((e) => `${e.attachment}:${e.status}`)).toEqual(["Attachments/Pizarra del lunes.png:Processed"]);
  expect(cli.lines.filter((l) => l.startsWith("✓") || l.startsWith("✗"))).toEqual(["✓ Screenshot 2025-07-30 at 09.00.00.png"]);
  expect(cli.lines.filter((l) => /deleted|created/.test(l))).toEqual([]);
}, 180000);
