/**
 * Captioners chosen by the engine options, through the real engine host: Ollama at a loopback
 * URL, and the local ONNX captioner once its files sit in modelsDir (a tiny generated model
 * here). A captioner that is down never costs the user the OCR description.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from "../../../src/core/processing/engine-options";
import { EngineClient } from "../../../src/engines/host/engine-client";
import { VIT_GPT2_CAPTIONER } from "../../../src/engines/image/caption-model-catalog";
import { recordedAnswer, startOllamaStandIn } from "./ollama-stand-in";
import { writeTinyCaptioner } from "./tiny-captioner-model";

const ROOM_PHOTO = path.resolve(__dirname, "../../../../shared/testdata/photos_coco/000000000802.jpg");
const client = new EngineClient({ hostScript: path.resolve(__dirname, "../../../dist/engine-host.js") });
afterAll(() => client.dispose());

const run = (absPath: string, options: Partial<EngineOptions>) =>
  client.process({ path: path.basename(absPath), absPath, kind: "image" }, { ...DEFAULT_ENGINE_OPTIONS, ...options }, new AbortController().signal);

test("Ollama configured: the Spanish answer and its people count reach the findings", async () => {
  const ollama = await startOllamaStandIn(recordedAnswer("generate-es.json"), ["llama3.2-vision:11b"]);
  try {
    const findings = await run(ROOM_PHOTO, { ollama: { url: ollama.url, model: "llama3.2-vision:11b" } });
    expect(findings.image?.description).toBe(
      "Fotografía: Sala de juntas con ocho personas alrededor de una mesa rectangular; en la pared hay notas adhesivas verdes, amarillas y rosas. Se ven 8 personas.",
    );
    expect(findings.image?.peopleCount).toBe(8);
    expect(ollama.requests).toHaveLength(1);
  } finally {
    await ollama.close();
  }
});

test("Ollama down: the photo is still described from what is known", async () => {
  const findings = await run(ROOM_PHOTO, { ollama: { url: "http://127.0.0.1:9", model: "llava:7b" } });
  expect(findings.image?.description).toBe("Fotografía.");
});

test("screens are not sent to the captioner: their text says more", async () => {
  const ollama = await startOllamaStandIn(recordedAnswer("generate-es.json"), ["llava:7b"]);
  try {
    const findings = await run(path.resolve(__dirname, "../../fixtures/images/terminal_training.png"), { ollama: { url: ollama.url, model: "llava:7b" } });
    expect(findings.image?.imageKind).toBe("terminal");
    expect(ollama.requests).toHaveLength(0);
  } finally {
    await ollama.close();
  }
});

test("ONNX captioner installed in modelsDir: its English caption is marked in a Spanish log", async () => {
  const modelsDir = mkdtempSync(path.join(tmpdir(), "bitacora-models-"));
  // Fed the real catalog's BOS (50256) but only able to emit ids 0..5, the tiny model never
  // says end-of-text: the caption runs to the token limit. What matters is modelsDir → text.
  writeTinyCaptioner(path.join(modelsDir, VIT_GPT2_CAPTIONER.id), VIT_GPT2_CAPTIONER.files.map((file) => file.name), {
    bosId: VIT_GPT2_CAPTIONER.bosTokenId,
    neverStop: true,
  });
  const findings = await run(ROOM_PHOTO, { modelsDir });
  expect(findings.image?.description).toMatch(/^Fotografía: descripción automática \(en inglés\): «a (red|blue) square niño/);
});
