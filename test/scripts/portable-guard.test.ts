/** The build fails when a native module becomes reachable from the engine host embedded in main.js. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const REPO = path.resolve(__dirname, "../..");
let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(REPO, ".tmp-guard-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function buildWithGuard(source: string): { status: number | null; stderr: string } {
  const entry = path.join(dir, "entry.ts");
  writeFileSync(entry, source);
  const script = `
    import esbuild from "esbuild";
    import { portableGuard } from ${JSON.stringify(pathToFileURL(path.join(REPO, "scripts/portable-host-plugins.mjs")).href)};
    await esbuild.build({ entryPoints: [${JSON.stringify(entry)}], bundle: true, platform: "node", write: false, logLevel: "silent",
      external: ["node:*"], plugins: [portableGuard(${JSON.stringify(REPO)})] });`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO, encoding: "utf8" });
  return { status: result.status, stderr: result.stderr };
}

test("importing a native engine fails the build, naming the module and the importer", () => {
  const { status, stderr } = buildWithGuard('import sharp from "sharp";\nexport const s = sharp;\n');
  expect(status).not.toBe(0);
  expect(stderr).toMatch(/native module "sharp" is reachable from the embedded engine host \(imported by .*entry\.ts\)/);
});

test("pure JavaScript and WebAssembly packages build", () => {
  expect(buildWithGuard('import { Input } from "mediabunny";\nimport { readFileSync } from "node:fs";\nexport const x = [Input, readFileSync];\n').status).toBe(0);
});

test("the WebAssembly Whisper engine and the portable transcription processor build into the embedded host: no native module behind them", () => {
  const factory = path.join(REPO, "src/engines/whisper/wasm-whisper-engine.ts");
  const processor = path.join(REPO, "src/engines/whisper/portable-transcription-processor.ts");
  const result = buildWithGuard(
    `import { createWasmWhisperEngine } from ${JSON.stringify(factory)};\nimport { createPortableTranscriptionProcessor } from ${JSON.stringify(processor)};\nexport const f = [createWasmWhisperEngine, createPortableTranscriptionProcessor];\n`,
  );
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
});
