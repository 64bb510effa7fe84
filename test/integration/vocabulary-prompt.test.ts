/**
 * The vault's vocabulary reaches Whisper: the built CLI (bin/bitacora.js, dist/) processes a
 * recording in a real vault folder with topic notes and a log note of today, and the prompt
 * arrives (1) as one `--prompt` argument of a stand-in whisper-cli that records its argv (the
 * only stand-in: no Whisper weights here) and (2) as the `prompt` field of the multipart form a
 * real loopback server receives.
 */
import { execFile } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { logNotePath } from "../../src/core/time/log-note-path";
import { promptTokenBound } from "../../src/core/vocabulary/prompt-tokens";
import { send, startLoopbackServer } from "../support/loopback-server";

jest.setTimeout(120_000);
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/bitacora.js");
const TEST_MODEL = path.resolve(ROOT, "../shared/testdata/whisper_models/for-tests-ggml-tiny.bin");
const SPEECH = path.join(ROOT, "test/fixtures/audio/speech-es.webm");

function vaultWithVocabulary(): string {
  const vault = mkdtempSync(path.join(tmpdir(), "bitacora-vocab-"));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(vault, file)), { recursive: true });
    writeFileSync(path.join(vault, file), text);
  };
  write("Temas/Grafana.md", "Tablero de métricas.\n");
  write("Temas/Kubernetes.md", "---\naliases: [k8s]\n---\nClúster.\n");
  write("Proyecto Kappa/Kappa_pipeline.md", "El pipeline.\n");
  const today = logNotePath(new Date(), DEFAULT_SETTINGS.logFolder, DEFAULT_SETTINGS.logFileFormat);
  write(today, "08:45 Revisión de latencia en Grafana\nstatus:: Processed\narea:: DevOps\ndate:: 2025-07-30 08:45\n\nNotas a mano.\n\n[[Grafana]]\n");
  mkdirSync(path.join(vault, "Proyecto Kappa"), { recursive: true });
  copyFileSync(SPEECH, path.join(vault, "Proyecto Kappa/nota de voz.webm"));
  return vault;
}

const EXPECTED = "Temas: Kappa pipeline, Grafana, Kubernetes, k8s. Entradas recientes: Revisión de latencia en Grafana.";

function bitacora(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: mkdtempSync(path.join(tmpdir(), "bitacora-home-")) };
  return promisify(execFile)(process.execPath, [BIN, ...args], { env, timeout: 100_000 }).catch((error: { stdout?: string; stderr?: string }) => error);
}

test("local engine: the prompt is one --prompt argument of whisper-cli", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-cli-argv-"));
  const cli = path.join(dir, "whisper-cli");
  // Records its argv and writes whisper.cpp's JSON output format.
  writeFileSync(
    cli,
    `#!${process.execPath}
const fs = require("fs");
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(path.join(dir, "argv.jsonl"))}, JSON.stringify(args) + "\\n");
fs.writeFileSync(args[args.indexOf("-of") + 1] + ".json", JSON.stringify({ result: { language: "es" }, transcription: [{ offsets: { from: 0, to: 1000 }, text: " Hola." }] }));
`,
  );
  chmodSync(cli, 0o755);
  const vault = vaultWithVocabulary();
  await bitacora(["process", vault, "--whisper-cli", cli, "--model", TEST_MODEL, "--language", "es"]);
  const calls = readFileSync(path.join(dir, "argv.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as string[]);
  expect(calls.length).toBeGreaterThan(0);
  for (const args of calls) expect(args[args.indexOf("--prompt") + 1]).toBe(EXPECTED);
  expect(promptTokenBound(EXPECTED)).toBeLessThanOrEqual(224);
});

test("server engine: the prompt is the multipart `prompt` field", async () => {
  const server = await startLoopbackServer((_request, res) => send(res, 200, "application/json", JSON.stringify({ language: "es", segments: [{ start: 0, end: 1, text: " Hola." }] })));
  try {
    const vault = vaultWithVocabulary();
    await bitacora(["process", vault, "--server", server.url, "--server-model", "large-v3", "--language", "es", "--no-fallback"]);
    expect(server.requests.length).toBeGreaterThan(0);
    for (const request of server.requests) expect(request.form.get("prompt")).toBe(EXPECTED);
  } finally {
    await server.close();
  }
});
