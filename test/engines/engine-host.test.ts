/**
 * The real engine host child process (dist/engine-host.js, built by `npm test`) runs the
 * metadata processors on real media files from ../shared/testdata.
 */
import path from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { EngineClient } from "../../src/engines/host/engine-client";
import { DEFAULT_ENGINE_OPTIONS } from "../../src/core/processing/engine-options";
import { EngineError } from "../../src/engines/host/engine-error";

const SHARED = path.resolve(__dirname, "../../../shared/testdata");
const client = new EngineClient({ hostScript: path.resolve(__dirname, "../../dist/engine-host.js") });
afterAll(() => client.dispose());

// whisper.cpp's weightless test model: the pipeline runs for real, the words are meaningless.
const OPTIONS = { ...DEFAULT_ENGINE_OPTIONS, whisperModelPath: path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin") };
const run = (absPath: string, kind: "audio" | "image") =>
  client.process({ path: path.basename(absPath), absPath, kind }, OPTIONS, new AbortController().signal);

test("audio metadata: duration and codec of a real Ogg clip", async () => {
  const findings = await run(path.join(SHARED, "speech_es/fleurs-es-000.ogg"), "audio");
  expect(findings.audio?.durationSec).toBeGreaterThan(1);
  expect(findings.audio?.container?.toLowerCase()).toContain("ogg");
});

test("image metadata: dimensions of a real photo", async () => {
  const findings = await run(path.join(SHARED, "photos_coco/000000000802.jpg"), "image");
  expect(findings.image?.width).toBeGreaterThan(100);
  expect(findings.image?.height).toBeGreaterThan(100);
});

test("zero-byte and text-as-audio files give clear errors", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-"));
  writeFileSync(path.join(dir, "empty.m4a"), "");
  writeFileSync(path.join(dir, "notes.mp3"), "this is plain text, not audio\n".repeat(50));
  await expect(run(path.join(dir, "empty.m4a"), "audio")).rejects.toMatchObject({ code: "empty-file" });
  const error = await run(path.join(dir, "notes.mp3"), "audio").catch((e: EngineError) => e);
  expect(error).toBeInstanceOf(EngineError);
  expect((error as EngineError).code).toBe("corrupt-media");
});

test("a deleted file reports missing-file", async () => {
  await expect(run("/nonexistent/dir/gone.wav", "audio")).rejects.toMatchObject({ code: "missing-file" });
});
