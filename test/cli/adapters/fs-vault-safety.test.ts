/** FsVault's writes on a real folder: modes, read-only notes, leftovers of dead writers, two writers. */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NoteNotWritableError } from "../../../src/cli/adapters/compare-and-swap-write";
import { FsVault } from "../../../src/cli/adapters/fs-vault";
import { lockPathFor, tempPathFor } from "../../../src/cli/adapters/side-files";

const vaultDir = () => mkdtempSync(path.join(tmpdir(), "bitacora-fsvault-"));
/** The PID of a process that has already exited. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;
const append = (line: string) => (text: string) => `${text}${line}\n`;

test("an edit keeps the note's mode", async () => {
  const root = vaultDir();
  writeFileSync(path.join(root, "Log.md"), "# Log\n");
  chmodSync(path.join(root, "Log.md"), 0o640);
  await new FsVault(root).processText("Log.md", append("entry"), "");
  expect(readFileSync(path.join(root, "Log.md"), "utf8")).toBe("# Log\nentry\n");
  expect(statSync(path.join(root, "Log.md")).mode & 0o7777).toBe(0o640);
});

test("a read-only note is never replaced: the edit fails with a clear error and the note is unchanged", async () => {
  const root = vaultDir();
  const note = path.join(root, "Log.md");
  writeFileSync(note, "# Log\nmine\n");
  chmodSync(note, 0o444);
  const vault = new FsVault(root);
  await expect(vault.processText("Log.md", append("entry"), "")).rejects.toThrow(NoteNotWritableError);
  await expect(vault.processText("Log.md", append("entry"), "")).rejects.toThrow(/read-only/);
  expect(readFileSync(note, "utf8")).toBe("# Log\nmine\n");
  expect(statSync(note).mode & 0o7777).toBe(0o444);
  // An edit that changes nothing still succeeds on a read-only note.
  await expect(vault.processText("Log.md", (t) => t, "")).resolves.toBe("# Log\nmine\n");
});

/** chattr +i needs root and a file system with attributes (ext4 here); elsewhere it cannot be set. */
function makeImmutable(file: string): boolean {
  return spawnSync("chattr", ["+i", file]).status === 0;
}

test("an immutable note (EPERM) fails that edit with a clear error and stays as it was", async () => {
  const root = vaultDir();
  const note = path.join(root, "Log.md");
  writeFileSync(note, "# Log\nmine\n");
  if (!makeImmutable(note)) {
    console.warn("Skipped: chattr +i is not available here (needs root and ext4-like file system).");
    return;
  }
  try {
    await expect(new FsVault(root).processText("Log.md", append("entry"), "")).rejects.toThrow(/EPERM.*read-only or protected/);
    expect(readFileSync(note, "utf8")).toBe("# Log\nmine\n");
  } finally {
    spawnSync("chattr", ["-i", note]);
  }
  expect(existsSync(lockPathFor(note))).toBe(false);
  expect(existsSync(tempPathFor(note))).toBe(false);
});

test("temp and lock files of dead writers are swept at start; a live writer's stay", async () => {
  const root = vaultDir();
  mkdirSync(path.join(root, "Logs"));
  mkdirSync(path.join(root, ".bitacora"));
  const note = path.join(root, "Logs/2025-07-30.md");
  writeFileSync(note, "# Log\n");
  const dead = deadPid();
  const leftovers = [
    tempPathFor(note, dead),
    path.join(root, `Logs/2025-07-30.md.bitacora-${dead}.tmp`), // the old, visible name
    path.join(root, `.bitacora/state.json.${dead}.tmp`),
    lockPathFor(note),
  ];
  for (const file of leftovers) writeFileSync(file, file === lockPathFor(note) ? String(dead) : "half");
  const live = tempPathFor(path.join(root, "Logs/other.md"), process.ppid);
  writeFileSync(live, "in use");
  writeFileSync(path.join(root, "Logs/notes.123.tmp"), "the user's own file");

  const removed = await new FsVault(root).sweepStaleSideFiles();
  expect(removed.sort()).toEqual(leftovers.map((f) => path.relative(root, f)).sort());
  for (const file of leftovers) expect(existsSync(file)).toBe(false);
  expect(existsSync(live)).toBe(true);
  expect(existsSync(path.join(root, "Logs/notes.123.tmp"))).toBe(true);
});

test("a lock left by a dead process is taken over", async () => {
  const root = vaultDir();
  writeFileSync(path.join(root, "Log.md"), "# Log\n");
  writeFileSync(lockPathFor(path.join(root, "Log.md")), String(deadPid()));
  await new FsVault(root).processText("Log.md", append("entry"), "");
  expect(readFileSync(path.join(root, "Log.md"), "utf8")).toBe("# Log\nentry\n");
  expect(existsSync(lockPathFor(path.join(root, "Log.md")))).toBe(false);
});

test("two writers on one note (separate FsVaults, as two CLI runs) apply every edit once", async () => {
  const root = vaultDir();
  writeFileSync(path.join(root, "Log.md"), "");
  const [a, b] = [new FsVault(root), new FsVault(root)];
  await Promise.all(
    Array.from({ length: 50 }, (_, i) => [a.processText("Log.md", append(`a${i}`), ""), b.processText("Log.md", append(`b${i}`), "")]).flat(),
  );
  const lines = readFileSync(path.join(root, "Log.md"), "utf8").trimEnd().split("\n");
  expect(lines).toHaveLength(100);
  expect(lines.filter((l) => l.startsWith("a"))).toEqual(Array.from({ length: 50 }, (_, i) => `a${i}`));
  expect(lines.filter((l) => l.startsWith("b"))).toEqual(Array.from({ length: 50 }, (_, i) => `b${i}`));
});

test("a new note is created with the initial text, and never replaces one created meanwhile", async () => {
  const root = vaultDir();
  const vault = new FsVault(root);
  await vault.processText("Logs/New.md", append("entry"), "# New\n");
  expect(readFileSync(path.join(root, "Logs/New.md"), "utf8")).toBe("# New\nentry\n");
  let raced = false;
  await vault.processText(
    "Logs/Other.md",
    (text) => {
      // Another program creates the note between our read and our write: our edit is re-applied to it.
      if (!raced) writeFileSync(path.join(root, "Logs/Other.md"), "# Theirs\n");
      raced = true;
      return `${text}entry\n`;
    },
    "# Ours\n",
  );
  expect(readFileSync(path.join(root, "Logs/Other.md"), "utf8")).toBe("# Theirs\nentry\n");
});
