/** Finding the whisper-cli a user installed (PATH, Homebrew, winget, scoop); never downloading one. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findWhisperCli, whisperCliCandidates } from "../../../src/engines/whisper/find-whisper-cli";

test("PATH first, then Homebrew's folders on macOS (Obsidian from the Dock has no shell PATH)", () => {
  const candidates = whisperCliCandidates({ PATH: "/usr/bin:/opt/tools" }, "darwin", "/Users/ana");
  expect(candidates).toEqual([
    "/usr/bin/whisper-cli",
    "/opt/tools/whisper-cli",
    "/opt/homebrew/bin/whisper-cli",
    "/usr/local/bin/whisper-cli",
    "/Users/ana/.local/bin/whisper-cli",
  ]);
});

test("Windows: PATH, winget's links and scoop's shims, in folders with spaces and accents", () => {
  const home = "C:\\Users\\José Pérez";
  const candidates = whisperCliCandidates({ Path: "C:\\Program Files\\whisper;C:\\tools", LOCALAPPDATA: `${home}\\AppData\\Local` }, "win32", home);
  expect(candidates).toEqual([
    "C:\\Program Files\\whisper\\whisper-cli.exe",
    "C:\\tools\\whisper-cli.exe",
    `${home}\\AppData\\Local\\Microsoft\\WinGet\\Links\\whisper-cli.exe`,
    `${home}\\scoop\\shims\\whisper-cli.exe`,
  ]);
});

test("Linux: PATH, system folders, Linuxbrew and ~/.local/bin, without repeats", () => {
  const candidates = whisperCliCandidates({ PATH: "/usr/local/bin:/usr/bin" }, "linux", "/home/ana");
  expect(candidates).toEqual(["/usr/local/bin/whisper-cli", "/usr/bin/whisper-cli", "/home/linuxbrew/.linuxbrew/bin/whisper-cli", "/home/ana/.local/bin/whisper-cli"]);
});

test("the first existing file wins; folders and missing files are skipped", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora cli ñ "));
  try {
    mkdirSync(path.join(dir, "a", "whisper-cli"), { recursive: true });
    mkdirSync(path.join(dir, "b"));
    writeFileSync(path.join(dir, "b", "whisper-cli"), "#!/bin/sh\n");
    chmodSync(path.join(dir, "b", "whisper-cli"), 0o755);
    const candidates = ["missing", "a", "b"].map((folder) => path.join(dir, folder, "whisper-cli"));
    expect(findWhisperCli(candidates)).toBe(path.join(dir, "b", "whisper-cli"));
    expect(findWhisperCli(candidates.slice(0, 2))).toBeUndefined();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
