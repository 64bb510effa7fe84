import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeToPcm16kMono, streamPcm16kMono } from "../../../src/engines/audio";
import { EngineError } from "../../../src/engines/host/engine-error";
import { buildDecodeWorker, fixture } from "./audio-test-helpers";

/** Broken input must end in an EngineError a user can read — never a crash or a hang. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).message.length).toBeGreaterThan(10);
    return (error as EngineError).code;
  }
}

let dir: string;
let workerScript: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bitacora-audio-"));
  workerScript = await buildDecodeWorker();
});

async function writeTemp(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe("decoding broken input", () => {
  test("an empty file is empty-file", async () => {
    expect(await codeOf(decodeToPcm16kMono(await writeTemp("empty.webm", new Uint8Array(0))))).toBe("empty-file");
    expect(await codeOf(decodeToPcm16kMono(new Uint8Array(0)))).toBe("empty-file");
  });

  test("a file that is gone is missing-file", async () => {
    expect(await codeOf(decodeToPcm16kMono(join(dir, "never-recorded.m4a")))).toBe("missing-file");
  });

  test("text saved with an audio extension is unsupported-media", async () => {
    const path = await writeTemp("notes.wav", "## 08:45 Revisión\n- [status:: Processed]\n".repeat(50));
    expect(await codeOf(decodeToPcm16kMono(path))).toBe("unsupported-media");
  });

  test("random bytes are unsupported-media", async () => {
    const noise = new Uint8Array(64 * 1024);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    expect(await codeOf(decodeToPcm16kMono(await writeTemp("noise.mp3", noise)))).toBe("unsupported-media");
  });

  test("an M4A cut before its index (moov at the end, recording interrupted) is corrupt-media", async () => {
    const whole = await readFile(fixture("speech-es.m4a"));
    const cut = await writeTemp("cut.m4a", whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await codeOf(decodeToPcm16kMono(cut))).toBe("corrupt-media");
  });

  test("a recorder WebM cut in the middle (interrupted recording) keeps every complete cluster before the cut", async () => {
    // Obsidian's recorder writes "live" WebM with ~1 s clusters; a cut loses only the last partial one.
    const whole = await readFile(fixture("speech-es-recorder-stereo.webm"));
    const cut = await writeTemp("cut.webm", whole.subarray(0, Math.floor(whole.length / 2)));
    const decoded = await decodeToPcm16kMono(cut);
    expect(decoded.durationSec).toBeGreaterThan(1.5);
    expect(decoded.durationSec).toBeLessThan(3.5);
  });

  test("a single-cluster WebM cut before its end holds no complete audio: corrupt-media", async () => {
    const whole = await readFile(fixture("speech-es.webm"));
    const cut = await writeTemp("cut-one-cluster.webm", whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await codeOf(decodeToPcm16kMono(cut))).toBe("corrupt-media");
  });

  test("a WebM header followed by garbage (mediabunny 1.61 spins forever on it) ends in a timeout, not a hang", async () => {
    // mediabunny's EBML resync loops synchronously when no element follows the junk, so only a
    // worker thread that can be terminated gets out; the in-thread decoder would freeze here.
    const whole = await readFile(fixture("speech-es.webm"));
    const garbage = new Uint8Array(whole.length);
    garbage.set(whole.subarray(0, 400));
    for (let i = 400; i < garbage.length; i++) garbage[i] = (i * 7919) & 0xff;
    const path = await writeTemp("garbage.webm", garbage);
    // A frozen decoder would hold this test until jest's own limit; the stall timeout ends it.
    const code = await codeOf(decodeToPcm16kMono(path, { workerScript, stallTimeoutMs: 2000 }));
    expect(code).toBe("timeout");
  });

  test.each(["speech-es.m4a", "speech-es.mp3", "speech-es.flac", "speech-es.ogg", "speech-es.wav"])("%s with its header only is corrupt-media", async (name) => {
    const whole = await readFile(fixture(name));
    const headerOnly = await writeTemp(`header-${name}`, whole.subarray(0, 60));
    expect(["corrupt-media", "unsupported-media"]).toContain(await codeOf(decodeToPcm16kMono(headerOnly)));
  });
});

describe("decode time limits and cancellation", () => {
  test("an overall timeout ends the decode with code timeout", async () => {
    expect(await codeOf(decodeToPcm16kMono(fixture("speech-es.m4a"), { timeoutMs: 1 }))).toBe("timeout");
  });

  test("an aborted signal ends the decode with code cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await codeOf(decodeToPcm16kMono(fixture("speech-es.webm"), { signal: controller.signal }))).toBe("cancelled");
  });

  test("in the worker thread: same samples as in-thread, and cancel terminates it", async () => {
    const inWorker = await decodeToPcm16kMono(fixture("speech-es.m4a"), { workerScript });
    const inThread = await decodeToPcm16kMono(fixture("speech-es.m4a"), { isolation: "in-thread" });
    expect(inWorker.samples).toEqual(inThread.samples);
    expect(inWorker.source.codec).toBe("aac");
    const controller = new AbortController();
    const pending = decodeToPcm16kMono(fixture("speech-es.m4a"), { workerScript, signal: controller.signal });
    controller.abort();
    expect(await codeOf(pending)).toBe("cancelled");
    expect(await codeOf(decodeToPcm16kMono(join(dir, "gone.webm"), { workerScript }))).toBe("missing-file");
  });

  test("a consumer that stops early releases the worker; the next decode still works", async () => {
    for await (const block of streamPcm16kMono(fixture("speech-es.webm"), { workerScript, batchSec: 0.5 })) {
      expect(block.samples.length).toBeGreaterThan(0);
      break; // abandoned mid-file: the worker is terminated, not reused
    }
    const again = await decodeToPcm16kMono(fixture("speech-es.webm"), { workerScript });
    const twice = await decodeToPcm16kMono(fixture("speech-es.webm"), { workerScript }); // reuses the idle worker
    expect(twice.samples).toEqual(again.samples);
  });

  test("cancelling a stream between blocks stops it", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const code = await codeOf(
      (async () => {
        for await (const block of streamPcm16kMono(fixture("speech-es.webm"), { signal: controller.signal, batchSec: 0.5 })) {
          seen.push(block.startSec);
          controller.abort();
        }
      })(),
    );
    expect(code).toBe("cancelled");
    expect(seen).toHaveLength(1);
  });
});
