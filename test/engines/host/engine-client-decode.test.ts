/**
 * The engine client's side of decoding for the host (AAC and Vorbis in the plugin): a real child
 * process (test/fixtures/engine-hosts/decoding-engine-host.cjs) asks twice per job, as the
 * transcription and the emotion steps do. The decoder here is a twin that writes a small file
 * where the plugin's renderer decoder would write its WAV.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS } from "../../../src/core/processing/engine-options";
import type { ParentDecoderPort } from "../../../src/engines/audio/wav-decoder-port";
import { EngineClient } from "../../../src/engines/host/engine-client";

const HOST = path.resolve(__dirname, "../../fixtures/engine-hosts/decoding-engine-host.cjs");
const job = { path: "memo.m4a", absPath: "/vault/memo.m4a", kind: "audio" as const };
let dir: string;
let client: EngineClient | undefined;

beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "bitacora-client-decode-"))));
afterEach(() => {
  client?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const run = () => client!.process(job, DEFAULT_ENGINE_OPTIONS, new AbortController().signal);

test("one decode serves the whole job, and its WAV is deleted when the job is over", async () => {
  const calls: { absPath: string; workerScript: string | undefined }[] = [];
  const decoder: ParentDecoderPort = {
    async toWav(absPath, workerScript) {
      calls.push({ absPath, workerScript });
      const wav = path.join(dir, `${calls.length}.wav`);
      writeFileSync(wav, "RIFF");
      return wav;
    },
  };
  client = new EngineClient({ hostScript: HOST, decoder });
  const findings = await run();
  const wav = path.join(dir, "1.wav");
  expect(findings.fields).toEqual({ first: `wav ${wav}`, second: `wav ${wav}` });
  expect(calls).toEqual([{ absPath: "/vault/memo.m4a", workerScript: "/payload/renderer-decode-worker.js" }]);
  while (existsSync(wav)) await new Promise((resolve) => setImmediate(resolve));
  // The next job decodes again (the recording may have changed in between).
  await run();
  expect(calls).toHaveLength(2);
});

test("a failed decode is reported with its reason and not kept: the next request tries again", async () => {
  let attempts = 0;
  const decoder: ParentDecoderPort = { toWav: async () => Promise.reject(new Error(`this app's WebCodecs cannot decode aac audio (attempt ${++attempts})`)) };
  client = new EngineClient({ hostScript: HOST, decoder });
  expect((await run()).fields).toEqual({
    first: "failed this app's WebCodecs cannot decode aac audio (attempt 1)",
    second: "failed this app's WebCodecs cannot decode aac audio (attempt 2)",
  });
});

test("a parent without a decoder (the CLI) answers at once, so the host goes on to ffmpeg", async () => {
  client = new EngineClient({ hostScript: HOST });
  expect((await run()).fields).toEqual({ first: "failed no decoder outside the engine host here", second: "failed no decoder outside the engine host here" });
});
