import { findInstalledCommand, installedCommandCandidates } from "../system/installed-command";

/**
 * Where a whisper.cpp command line the user installed is found (system/installed-command.ts:
 * PATH, Homebrew, ~/.local/bin, winget and scoop). Homebrew's formula is named whisper-cpp and
 * installs whisper-cli.
 */
export function whisperCliCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home?: string): string[] {
  return installedCommandCandidates("whisper-cli", env, platform, home);
}

/** The first whisper-cli found, or undefined. Nothing is downloaded or installed. */
export function findWhisperCli(candidates = whisperCliCandidates(), exists?: (file: string) => boolean): string | undefined {
  return findInstalledCommand(candidates, exists);
}
