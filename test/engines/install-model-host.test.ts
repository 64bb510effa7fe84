/**
 * Model downloads go through the real engine host child process, against a loopback HTTP server
 * (no internet in tests). The server's bytes are not the real model, so the host must reject
 * them by size or checksum, remove the partial file and say so; progress arrives on the way.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EngineClient } from "../../src/engines/host/engine-client";
import { findWhisperModel } from "../../src/engines/models/whisper-catalog";

/** An engine host whose downloads come from a loopback server that always answers `body`. */
async function hostServing(body: Buffer) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const client = new EngineClient({
    hostScript: path.resolve(__dirname, "../../dist/engine-host.js"),
    env: { BITACORA_TEST_MODEL_BASE_URL: `http://127.0.0.1:${port}` },
  });
  const modelsDir = mkdtempSync(path.join(tmpdir(), "bitacora-models-"));
  const close = () => {
    client.dispose();
    server.close();
  };
  return { client, modelsDir, close };
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: Error & { code?: string }) => error);

test("a Whisper model whose bytes do not match the catalog is rejected and nothing is left behind", async () => {
  const tiny = findWhisperModel("tiny")!;
  const { client, modelsDir, close } = await hostServing(Buffer.alloc(tiny.sizeBytes ?? 1024 * 1024, 7));
  const stages: string[] = [];
  try {
    const failure = await failureOf(client.installModel("tiny", modelsDir, new AbortController().signal, (report) => stages.push(report.stage)));
    expect(failure?.code).toBe("download-failed");
    expect(failure?.message).toMatch(/checksum|SHA/i);
    expect(stages.some((stage) => stage.startsWith("Downloading tiny:"))).toBe(true);
    expect(readdirSync(modelsDir)).toEqual([]);
    expect(existsSync(path.join(modelsDir, "ggml-tiny.bin"))).toBe(false);
  } finally {
    close();
  }
});

test("the photo captioner's files download into their own folder; a wrong file is rejected by SHA-256", async () => {
  const { client, modelsDir, close } = await hostServing(Buffer.from("not the real encoder"));
  try {
    const failure = await failureOf(client.installModel("vit-gpt2-image-captioning-q8", modelsDir, new AbortController().signal));
    expect(failure?.code).toBe("download-failed");
    expect(failure?.message).toMatch(/SHA-256|checksum/i);
    expect(readdirSync(path.join(modelsDir, "vit-gpt2-image-captioning-q8"))).toEqual([]);
  } finally {
    close();
  }
});
