import { statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Where a command the user installed is found, in order: PATH (Obsidian started from a desktop
 * launcher often lacks the shell's PATH, hence the fixed folders), Homebrew (Apple silicon, Intel,
 * Linuxbrew), ~/.local/bin, and on Windows the links winget and scoop put commands in.
 */
export function installedCommandCandidates(command: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string[] {
  const p = platform === "win32" ? path.win32 : path.posix;
  const name = platform === "win32" ? `${command}.exe` : command;
  const pathDirs = (env.PATH ?? env.Path ?? "").split(platform === "win32" ? ";" : ":").filter(Boolean);
  const fixed =
    platform === "win32"
      ? [
          p.join(env.LOCALAPPDATA ?? p.join(home, "AppData", "Local"), "Microsoft", "WinGet", "Links"),
          p.join(env.SCOOP ?? p.join(home, "scoop"), "shims"),
        ]
      : platform === "darwin"
        ? ["/opt/homebrew/bin", "/usr/local/bin", p.join(home, ".local", "bin")]
        : ["/usr/local/bin", "/usr/bin", "/home/linuxbrew/.linuxbrew/bin", p.join(home, ".local", "bin")];
  return [...new Set([...pathDirs, ...fixed])].map((dir) => p.join(dir, name));
}

const isFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The first candidate that exists, or undefined. Nothing is downloaded or installed. */
export function findInstalledCommand(candidates: string[], exists: (file: string) => boolean = isFile): string | undefined {
  return candidates.find(exists);
}
