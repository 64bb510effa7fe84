/**
 * The portable engines (WebAssembly only, bytes from WasmAssets: here node_modules, in main.js
 * the payload) run the image pipeline on real photos: dimensions and orientation from the header,
 * the text read by Tesseract from the WebAssembly decoder's OCR image, the kind of picture found;
 * Silero VAD on onnxruntime-web finds JFK's speech; bad photos fail with the same clear errors.
 */
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS } from "../../../src/core/processing/engine-options";
import type { ProcessorFindings } from "../../../src/core/processing/processor-port";
import { nodeModuleAssets } from "../../../src/engines/assets/node-module-assets";
import { detectSpeechInBlocks } from "../../../src/engines/audio";
import { createPortableEngines } from "../../../src/engines/host/portable-engines";
import { TesseractOcr } from "../../../src/engines/image/tesseract-ocr";
import { TESTDATA } from "../audio/audio-test-helpers";
import { FIXTURES, writeBadInputs } from "../image/photo-inputs";

const engines = createPortableEngines(nodeModuleAssets(), { ocr: (languageData) => new TesseractOcr({ languageData }) });
afterAll(() => engines.dispose());

const context = { signal: new AbortController().signal, options: { ...DEFAULT_ENGINE_OPTIONS, captioner: "none" as const }, onProgress: () => undefined };

async function runImage(absPath: string): Promise<ProcessorFindings> {
  let findings: ProcessorFindings = { kind: "image" };
  for (const processor of engines.processorsFor("image")) findings = await processor.process({ path: path.basename(absPath), absPath, kind: "image" }, findings, context);
  return findings;
}

test("photos run metadata, description and emotion, as in the native host", () => {
  expect(engines.processorsFor("image").map((p) => p.name)).toEqual(["image-metadata", "photo-description", "emotion"]);
});

test("a terminal screenshot: its lines are read and it is recognised as a terminal", async () => {
  const findings = await runImage(path.join(FIXTURES, "terminal_training.png"));
  expect(findings.image?.imageKind).toBe("terminal");
  const text = findings.image?.ocrLines?.join("\n") ?? "";
  expect(text).toMatch(/train\.py/);
  expect(text).toMatch(/accuracy/);
  expect(findings.image?.width).toBeGreaterThan(100);
});

test("a Spanish whiteboard photo keeps its accents", async () => {
  const findings = await runImage(path.join(FIXTURES, "whiteboard_schedule.jpg"));
  expect(findings.image?.ocrLines?.join(" ")).toMatch(/Cronograma del d[ií]a/);
});

test("a bad photo fails with the decoder's clear error", async () => {
  const { files } = await writeBadInputs();
  await expect(runImage(files.bomb)).rejects.toMatchObject({ code: "unsupported-media" });
  await expect(runImage(files.truncatedJpeg)).rejects.toMatchObject({ code: "corrupt-media" });
});

test("Silero VAD on onnxruntime-web with the bundled model finds JFK's speech", async () => {
  const vad = await engines.createVad();
  try {
    const blocks = engines.streamPcm(path.join(TESTDATA, "speech_en/jfk.wav"));
    const { segments } = await detectSpeechInBlocks(blocks, { vad });
    expect(segments.length).toBeGreaterThanOrEqual(3);
  } finally {
    await vad.dispose();
  }
});

test("without an OCR engine, photos still get their metadata (no description yet)", () => {
  const bare = createPortableEngines(nodeModuleAssets());
  expect(bare.processorsFor("image").map((p) => p.name)).toEqual(["image-metadata"]);
  expect(bare.processorsFor("audio")).toEqual([]);
});
