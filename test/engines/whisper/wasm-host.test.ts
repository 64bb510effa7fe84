/**
 * whisper.cpp as WebAssembly chosen in the real engine host child process (dist/engine-host.js,
 * built by `node esbuild.config.mjs production`), through decoding, Silero VAD and chunking, with
 * whisper.cpp's weightless test model: the words are meaningless, so none are asserted.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EngineOptions } from "../../../src/core/processing/engine-options";
import { EngineClient } from "../../../src/engines/host/engine-client";
import { audioJob as job, HOST, JFK, transcribeJfkInHost, transcribingAdvances, whisperOptions } from "../../support/whisper-host-job";

jest.setTimeout(300_000);

const options = (extra: Partial<EngineOptions> = {}): EngineOptions => whisperOptions({ whisperEngine: "wasm", ...extra });

test("whisperEngine wasm: a recording goes through decode, VAD and whisper.cpp as WebAssembly in the host", async () => {
  const { findings, reports } = await transcribeJfkInHost(options());
  expect(findings.audio?.durationSec).toBeCloseTo(11, 0);
  expect(findings.audio?.language).toBe("en");
  expect(Array.isArray(findings.audio?.segments)).toBe(true);
  expect(transcribingAdvances(reports)).toBe(true);
});

test("the host really runs the WebAssembly engine: a damaged model gets its load error, word for word", async () => {
  // The native addon reports a damaged model in its own words; only the WASM binding passes on
  // whisper.cpp's first error line ("invalid model data (bad magic)").
  const bogus = path.join(mkdtempSync(path.join(tmpdir(), "bitacora-model-")), "ggml-base.bin");
  writeFileSync(bogus, Buffer.alloc(4096, 7));
  const client = new EngineClient({ hostScript: HOST });
  try {
    const error = await client.process(job(JFK), options({ whisperModelPath: bogus }), new AbortController().signal).catch((e) => e);
    expect(error).toMatchObject({ code: "no-model" });
    expect(error.message).toMatch(/bad magic/);
  } finally {
    client.dispose();
  }
});
