/**
 * `bitacora which-model` end to end (built CLI, real engine host, real whisper.cpp) with
 * whisper.cpp's weightless test model: the bundled clip is transcribed and timed, and the advice
 * comes out. Its speed says nothing about a real model's, so no time is asserted here; the
 * arithmetic is table-tested with injected times in test/core/model-advice.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describeAdvice } from "../../src/core/model-advice/describe-advice";
import { adviseModel } from "../../src/core/model-advice/model-recommendation";
import { parseCliArgs, UsageError } from "../../src/cli/args";

jest.setTimeout(300_000);
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/bitacora.js");
const WEIGHTLESS_TINY = path.resolve(ROOT, "../shared/testdata/whisper_models/for-tests-ggml-tiny.bin");
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 280_000 }).catch((error: { code: number; stdout: string; stderr: string }) => error);

test("the bundled 30 s clip ships beside the CLI", () => {
  expect(existsSync(path.join(ROOT, "assets/which-model-30s-es.webm"))).toBe(true);
});

test("times the given model on the clip and prints every size with the advice (JSON)", async () => {
  const { stdout } = await run(["which-model", WEIGHTLESS_TINY, "--runs", "1", "--json"]);
  const answer = JSON.parse(stdout) as ReturnType<typeof adviseModel> & { clipSec: number; timings: { model: string; audioSec: number; processingSec: number }[] };
  expect(answer.clipSec).toBe(30);
  expect(answer.timings).toEqual([{ model: "for-tests-ggml-tiny.bin", audioSec: 30, processingSec: expect.any(Number) }]);
  expect(answer.timings[0].processingSec).toBeGreaterThan(0);
  expect(answer.rows.map((row) => [row.size, row.measured])).toEqual([
    ["tiny", true],
    ["base", false],
    ["small", false],
    ["medium", false],
    ["large-v3-turbo", false],
  ]);
});

test("no model installed: says how to get one, exit 1", async () => {
  const result = await run(["which-model"], { BITACORA_MODELS_DIR: mkdtempSync(path.join(tmpdir(), "bitacora-no-models-")) });
  expect((result as { code: number }).code).toBe(1);
  expect(result.stderr).toContain("no Whisper model to time");
});

test("the printed advice, from injected times", () => {
  const text = describeAdvice(adviseModel([{ model: "ggml-base.bin", audioSec: 30, processingSec: 3 }]));
  expect(text).toContain("  base              0.10× real time     6 min per hour of audio  measured (ggml-base.bin)");
  expect(text).toContain("Use small: the largest that transcribes an hour in 20 min (limit: real-time factor 0.5). Its time is estimated: download it and run this again to measure it.");
  expect(describeAdvice(adviseModel([{ model: "tiny", audioSec: 30, processingSec: 30 }]))).toContain("Even the smallest model takes longer than 0.5× the audio here");
});

test("arguments: model files are positional, --runs must be positive", () => {
  expect(parseCliArgs(["which-model", "a.bin", "b.bin", "--runs", "3"])).toMatchObject({ command: "which-model", models: ["a.bin", "b.bin"], runs: 3 });
  expect(parseCliArgs(["which-model"])).toMatchObject({ command: "which-model", models: [] });
  expect(() => parseCliArgs(["which-model", "--runs", "0"])).toThrow(UsageError);
});
