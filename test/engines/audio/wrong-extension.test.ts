/**
 * Recordings whose name lies about their content (an MP3 named ".wav", a WAV named ".m4a", ...),
 * made here with ffmpeg from the Spanish fixture sentence, go through the real engine host
 * (dist/engine-host.js) with whisper.cpp's weightless test model: each is read by what its first
 * bytes say it is (src/engines/audio/sniff-media-type.ts, an ES module jest does not load: it is
 * tested here in the bundle that ships it). A photo named like a recording gets an error that says
 * what it holds.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS } from "../../../src/core/processing/engine-options";
import { EngineClient } from "../../../src/engines/host/engine-client";
import { fixture } from "./audio-test-helpers";

jest.setTimeout(240_000);
const SHARED = path.resolve(__dirname, "../../../../shared/testdata");
const HOST = path.resolve(__dirname, "../../../dist/engine-host.js");
const dir = mkdtempSync(path.join(tmpdir(), "bitacora-wrong-ext-"));

/** ffmpeg (argument array, no shell) writes the sentence in `format` under a name that says otherwise. */
function encode(name: string, format: string, codecArgs: string[]): string {
  const out = path.join(dir, name);
  execFileSync("ffmpeg", ["-loglevel", "error", "-y", "-i", fixture("speech-es.wav"), ...codecArgs, "-f", format, out]);
  return out;
}

const CASES: Array<[name: string, format: string, codecArgs: string[], container: RegExp]> = [
  ["mp3 named.wav", "mp3", ["-c:a", "libmp3lame", "-b:a", "48k"], /MPEG/],
  ["wav named.m4a", "wav", ["-c:a", "pcm_s16le"], /WAVE/],
  ["ogg opus named.mp3", "ogg", ["-c:a", "libopus", "-b:a", "24k"], /Ogg/],
];

let client: EngineClient;
beforeAll(() => (client = new EngineClient({ hostScript: HOST })));
afterAll(() => client.dispose());

const options = () => ({
  ...DEFAULT_ENGINE_OPTIONS,
  modelsDir: mkdtempSync(path.join(tmpdir(), "bitacora-models-")),
  whisperModelPath: path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin"),
  whisperLanguage: "es",
  threads: 2,
});

test.each(CASES)("%s is read by its content and transcribed", async (name, format, codecArgs, container) => {
  const file = encode(name, format, codecArgs);
  const findings = await client.process({ path: name, absPath: file, kind: "audio" }, options(), new AbortController().signal, () => undefined);
  expect(findings.audio?.container).toMatch(container);
  expect(findings.audio?.durationSec).toBeCloseTo(5.5, 0);
  // Weightless model: whisper.cpp runs end to end on the decoded sound but emits no real words.
  expect(Array.isArray(findings.audio?.segments)).toBe(true);
});

test("a photo named like a recording: a clear error that says what the file holds", async () => {
  const photo = path.join(dir, "Recording 20250730130000.m4a");
  copyFileSync(path.join(SHARED, "photos_coco/000000000802.jpg"), photo);
  await expect(client.process({ path: "x.m4a", absPath: photo, kind: "audio" }, options(), new AbortController().signal, () => undefined)).rejects.toMatchObject({
    code: "unsupported-media",
    message: "Not a recording: the file holds JPG data (image/jpeg), whatever its name says.",
  });
});
