/**
 * The model downloader against a real HTTP server on 127.0.0.1 started by the test (no
 * internet): resume after an interrupted transfer, checksum rejection, disk and permission
 * errors, and the "no model" guidance.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { downloadModelFile, ModelDownloadError } from "../../../src/engines/models/model-download";
import { defaultModelsDir, installWhisperModel, NO_MODEL_HELP, resolveWhisperModel } from "../../../src/engines/models/whisper-models";
import { EngineError } from "../../../src/engines/host/engine-error";

const payload = randomBytes(3 * 1024 * 1024 + 17);
const sha256 = createHash("sha256").update(payload).digest("hex");
const sha1 = createHash("sha1").update(payload).digest("hex");

interface ServerLog {
  ranges: (string | undefined)[];
}

/** Serves `payload`; the first request is cut off after `cutAfter` bytes when set. */
async function startServer(behaviour: { cutAfter?: number; ignoreRange?: boolean; status?: number } = {}) {
  const log: ServerLog = { ranges: [] };
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    log.ranges.push(req.headers.range);
    if (behaviour.status) {
      res.writeHead(behaviour.status).end();
      return;
    }
    if (req.url === "/redirect.bin") {
      res.writeHead(302, { location: "/model.bin" }).end();
      return;
    }
    const match = /bytes=(\d+)-/.exec(req.headers.range ?? "");
    const start = match && !behaviour.ignoreRange ? Number(match[1]) : 0;
    const body = payload.subarray(start);
    const headers: http.OutgoingHttpHeaders = { "content-length": body.length, "accept-ranges": "bytes" };
    if (start > 0) headers["content-range"] = `bytes ${start}-${payload.length - 1}/${payload.length}`;
    res.writeHead(start > 0 ? 206 : 200, headers);
    if (requests === 1 && behaviour.cutAfter !== undefined) {
      // A dropped connection: part of the body, then the socket closes (TCP delivers the bytes before the close).
      res.write(body.subarray(0, behaviour.cutAfter), () => res.socket?.end());
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, log, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const freshDir = () => mkdtempSync(path.join(tmpdir(), "bitacora-models-"));

test("downloads, reports progress, verifies SHA-256 and renames atomically", async () => {
  const server = await startServer();
  const dest = path.join(freshDir(), "nested", "ggml-test.bin");
  const progress: number[] = [];
  try {
    const result = await downloadModelFile({
      url: `${server.url}/redirect.bin`,
      destPath: dest,
      sha256,
      sizeBytes: payload.length,
      onProgress: (received) => progress.push(received),
    });
    expect(result).toMatchObject({ bytes: payload.length, sha256, resumedFrom: 0 });
    expect(readFileSync(dest).equals(payload)).toBe(true);
    expect(existsSync(`${dest}.part`)).toBe(false);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(payload.length);
  } finally {
    await server.close();
  }
});

test("an interrupted download resumes from the partial file with an HTTP Range request", async () => {
  const cutAfter = 1024 * 1024;
  const server = await startServer({ cutAfter });
  const dest = path.join(freshDir(), "ggml-test.bin");
  try {
    const first = await downloadModelFile({ url: `${server.url}/model.bin`, destPath: dest, sha256 }).catch((e) => e);
    expect(first).toBeInstanceOf(ModelDownloadError);
    expect((first as ModelDownloadError).code).toBe("network");
    expect(existsSync(dest)).toBe(false);
    const partial = readFileSync(`${dest}.part`).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(payload.length);

    const second = await downloadModelFile({ url: `${server.url}/model.bin`, destPath: dest, sha256 });
    expect(second.resumedFrom).toBe(partial);
    expect(server.log.ranges[1]).toBe(`bytes=${partial}-`);
    expect(readFileSync(dest).equals(payload)).toBe(true);
    expect(existsSync(`${dest}.part`)).toBe(false);
  } finally {
    await server.close();
  }
});

test("a server that ignores Range makes the download start over, still verified", async () => {
  const server = await startServer({ ignoreRange: true });
  const dest = path.join(freshDir(), "ggml-test.bin");
  writeFileSync(`${dest}.part`, payload.subarray(0, 1000));
  try {
    const result = await downloadModelFile({ url: `${server.url}/model.bin`, destPath: dest, sha1 });
    expect(result.resumedFrom).toBe(0);
    expect(readFileSync(dest).equals(payload)).toBe(true);
  } finally {
    await server.close();
  }
});

test("a wrong checksum is rejected and the partial file removed", async () => {
  const server = await startServer();
  const dest = path.join(freshDir(), "ggml-test.bin");
  try {
    const error = await downloadModelFile({ url: `${server.url}/model.bin`, destPath: dest, sha256: "0".repeat(64) }).catch((e) => e);
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect((error as ModelDownloadError).code).toBe("checksum");
    expect(existsSync(dest)).toBe(false);
    expect(existsSync(`${dest}.part`)).toBe(false);
  } finally {
    await server.close();
  }
});

test("catalog install checks the official checksum (served bytes are not the real tiny model)", async () => {
  const server = await startServer();
  const modelsDir = freshDir();
  try {
    const error = await installWhisperModel("tiny", { modelsDir, baseUrl: server.url }).catch((e) => e);
    // The catalog knows tiny's exact size, so the wrong file fails before hashing finishes.
    expect(["size", "checksum"]).toContain((error as ModelDownloadError).code);
    expect(existsSync(path.join(modelsDir, "ggml-tiny.bin"))).toBe(false);
    expect(existsSync(path.join(modelsDir, "ggml-tiny.bin.part"))).toBe(false);
  } finally {
    await server.close();
  }
});

test("HTTP errors are reported with the status", async () => {
  const server = await startServer({ status: 404 });
  try {
    const error = await downloadModelFile({ url: `${server.url}/model.bin`, destPath: path.join(freshDir(), "m.bin") }).catch((e) => e);
    expect(error).toMatchObject({ code: "http" });
    expect((error as Error).message).toContain("404");
  } finally {
    await server.close();
  }
});

test("a full disk is reported as such (the .part file is /dev/full)", async () => {
  if (!existsSync("/dev/full")) return; // Linux only: writes to /dev/full fail with ENOSPC.
  const server = await startServer();
  const dest = path.join(freshDir(), "ggml-test.bin");
  symlinkSync("/dev/full", `${dest}.part`);
  try {
    const error = await downloadModelFile({ url: `${server.url}/model.bin`, destPath: dest, sha256 }).catch((e) => e);
    expect(error).toMatchObject({ code: "disk-full" });
    expect((error as Error).message).toMatch(/disk is full/i);
  } finally {
    await server.close();
  }
});

test("an unwritable models folder is reported as a permission problem", async () => {
  const server = await startServer();
  const blocker = path.join(freshDir(), "not-a-folder");
  writeFileSync(blocker, "a file where the models folder should be");
  try {
    const error = await downloadModelFile({ url: `${server.url}/model.bin`, destPath: path.join(blocker, "models", "m.bin") }).catch((e) => e);
    expect(error).toMatchObject({ code: "permission" });
    expect((error as Error).message).toMatch(/cannot write/i);
  } finally {
    await server.close();
  }
});

test("no model configured or installed gives a no-model error that says how to get one", async () => {
  const error = await resolveWhisperModel({ modelsDir: freshDir() }).catch((e) => e);
  expect(error).toBeInstanceOf(EngineError);
  expect(error).toMatchObject({ code: "no-model", message: NO_MODEL_HELP });
  expect(NO_MODEL_HELP).toContain("Download Whisper model");
  const missing = await resolveWhisperModel({ modelsDir: "", whisperModelPath: "/nowhere/ggml-base.bin" }).catch((e) => e);
  expect(missing).toMatchObject({ code: "no-model" });
  expect((missing as Error).message).toContain("/nowhere/ggml-base.bin");
});

test("a downloaded catalog model is found in the models folder", async () => {
  const modelsDir = freshDir();
  writeFileSync(path.join(modelsDir, "ggml-base.bin"), "x".repeat(10));
  writeFileSync(path.join(modelsDir, "ggml-tiny.bin.part"), "partial downloads are ignored");
  await expect(resolveWhisperModel({ modelsDir })).resolves.toBe(path.join(modelsDir, "ggml-base.bin"));
});

test("cancelling keeps the partial file, and the next attempt resumes from it", async () => {
  const server = await startServer();
  const dest = path.join(freshDir(), "ggml-test.bin");
  const controller = new AbortController();
  try {
    const error = await downloadModelFile({
      url: `${server.url}/model.bin`,
      destPath: dest,
      sha256,
      signal: controller.signal,
      onProgress: (received) => received > 0 && controller.abort(),
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "cancelled" });
    expect(existsSync(dest)).toBe(false);
    const result = await downloadModelFile({ url: `${server.url}/model.bin`, destPath: dest, sha256 });
    expect(result.resumedFrom).toBeGreaterThan(0);
    expect(readFileSync(dest).equals(payload)).toBe(true);
  } finally {
    await server.close();
  }
});

test("the default models folder is per user and outside any vault", () => {
  expect(defaultModelsDir({ LOCALAPPDATA: "C:\\Users\\ana\\AppData\\Local" }, "win32")).toBe("C:\\Users\\ana\\AppData\\Local\\Bitacora\\models");
  expect(defaultModelsDir({ XDG_DATA_HOME: "/home/ana/.data" }, "linux")).toBe("/home/ana/.data/bitacora/models");
  expect(defaultModelsDir({}, "darwin")).toMatch(/Library\/Application Support\/Bitacora\/models$/);
});
