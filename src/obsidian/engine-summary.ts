import type { ChosenLaunch } from "./engine-launch";

export interface EngineFacts {
  launch: ChosenLaunch;
  /** The whisper-cli in use: set in settings, or found on this computer. */
  whisperCli?: { path: string; found: boolean };
  lastRecording?: { audioSec: number; processingSec: number };
}

/** One paragraph for the settings: which engines run here and how fast the last recording went. */
export function describeEngines(facts: EngineFacts): string {
  const engines =
    facts.launch.engine === "built-in"
      ? "Built-in engines (inside main.js)."
      : facts.launch.engine === "native pack"
        ? "Native engines from the plugin's native folder."
        : `No engines: ${facts.launch.warning}`;
  // Without a whisper-cli, each host transcribes with its own whisper.cpp build.
  const whisper = facts.whisperCli
    ? ` Transcription: whisper.cpp program ${facts.whisperCli.path} (${facts.whisperCli.found ? "found on this computer" : "set below"}).`
    : facts.launch.engine === "built-in"
      ? " Transcription: whisper.cpp in WebAssembly (built in)."
      : facts.launch.engine === "native pack"
        ? " Transcription: whisper.cpp native addon (native pack)."
        : "";
  const last = facts.lastRecording;
  const speed = last
    ? ` Last recording: ${last.audioSec.toFixed(0)} s of audio processed in ${last.processingSec.toFixed(1)} s (${(last.audioSec / Math.max(last.processingSec, 0.001)).toFixed(1)}× real time).`
    : " No recording processed since Obsidian started.";
  return `${engines}${whisper}${speed}`;
}
