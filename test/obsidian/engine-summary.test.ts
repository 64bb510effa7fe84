/** The settings' "Engines in use" line: which engines run on this device and their measured speed. */
import { describeEngines } from "../../src/obsidian/engine-summary";

const builtIn = { launch: { embedded: { bootstrap: "", mainJs: "/v/main.js", cacheRoot: "/c" } }, engine: "built-in" as const };

test("built-in engines with a whisper-cli found on this computer and the last recording's speed", () => {
  expect(describeEngines({ launch: builtIn, whisperCli: { path: "/opt/homebrew/bin/whisper-cli", found: true }, lastRecording: { audioSec: 13.4, processingSec: 2.1 } })).toBe(
    "Built-in engines (inside main.js). Transcription: whisper.cpp program /opt/homebrew/bin/whisper-cli (found on this computer). Last recording: 13 s of audio processed in 2.1 s (6.4× real time).",
  );
});

test("the native pack, nothing measured yet", () => {
  expect(describeEngines({ launch: { launch: { hostScript: "/v/native/engine-host.js" }, engine: "native pack" } })).toBe(
    "Native engines from the plugin's native folder. Transcription: whisper.cpp native addon (native pack). No recording processed since Obsidian started.",
  );
});

test("no engines says why", () => {
  expect(describeEngines({ launch: { launch: undefined, engine: "none", warning: "this main.js has no engines." } })).toMatch(/^No engines: this main.js has no engines\./);
});

test("built-in engines without a whisper-cli transcribe with whisper.cpp in WebAssembly", () => {
  expect(describeEngines({ launch: builtIn, lastRecording: { audioSec: 600, processingSec: 120 } })).toBe(
    "Built-in engines (inside main.js). Transcription: whisper.cpp in WebAssembly (built in). Last recording: 600 s of audio processed in 120.0 s (5.0× real time).",
  );
});
