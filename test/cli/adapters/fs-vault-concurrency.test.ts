/**
 * Another program appending to a log note while the CLI's FsVault edits the same note: every
 * appended line survives, in order. Real processes, real files; the outcome does not depend on
 * timing (the writer re-applies its edit whenever the note changed under it).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FsVault } from "../../../src/cli/adapters/fs-vault";

const APPENDERS = 8;
const LINES_EACH = 128; // 1,024 appended lines in all

const bumpCounter = (text: string) => text.replace(/^counter: (\d+)$/m, (_, n: string) => `counter: ${Number(n) + 1}`);

test("a second program appending every 50–200 ms loses 0 of 1,024 lines while the CLI edits the note", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "bitacora-cas-"));
  const note = path.join(root, "Log.md");
  writeFileSync(note, "# Log\ncounter: 0\n");
  const appenders = Array.from({ length: APPENDERS }, (_, i) => {
    const child = spawn(process.execPath, [path.join(__dirname, "append-lines.js"), note, `appender-${i}`, String(LINES_EACH), String(1000 + i)], {
      stdio: "inherit",
    });
    return new Promise<number | null>((resolve) => child.on("exit", resolve));
  });
  let running = true;
  void Promise.all(appenders).then(() => (running = false));
  const vault = new FsVault(root);
  let edits = 0;
  while (running) {
    await vault.processText("Log.md", bumpCounter, "");
    edits++;
  }
  expect(await Promise.all(appenders)).toEqual(Array(APPENDERS).fill(0));

  const lines = readFileSync(note, "utf8").split("\n");
  expect(lines.slice(0, 2)).toEqual(["# Log", `counter: ${edits}`]);
  for (let i = 0; i < APPENDERS; i++) {
    const mine = lines.filter((line) => line.startsWith(`appender-${i} `));
    expect(mine).toEqual(Array.from({ length: LINES_EACH }, (_, n) => `appender-${i} line ${n}`));
  }
  expect(edits).toBeGreaterThan(0);
  expect(readdirSync(root)).toEqual(["Log.md"]);
}, 120000);
