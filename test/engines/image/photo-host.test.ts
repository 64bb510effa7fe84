/**
 * Real photos and screenshots through the real engine host (dist/engine-host.js; build first):
 * Tesseract OCR with the packaged Spanish + English data, kind, facts and the description.
 */
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { characterErrorRate } from "../../../src/core/photo/text-metrics";
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from "../../../src/core/processing/engine-options";
import { EngineClient } from "../../../src/engines/host/engine-client";
import { FIXTURES } from "./photo-inputs";

const SHARED_OCR = path.resolve(__dirname, "../../../../shared/testdata/ocr");
const expected = JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as { file: string; kind: string; expected_lines: string[] }[];
const client = new EngineClient({ hostScript: path.resolve(__dirname, "../../../dist/engine-host.js") });
afterAll(() => client.dispose());

const run = (absPath: string, options: Partial<EngineOptions> = {}) =>
  client.process({ path: path.basename(absPath), absPath, kind: "image" }, { ...DEFAULT_ENGINE_OPTIONS, ...options }, new AbortController().signal);

test.each(expected)("$file: kind $kind, text read with CER ≤ 2%", async ({ file, kind, expected_lines }) => {
  const findings = await run(path.join(FIXTURES, file));
  expect(findings.image?.imageKind).toBe(kind);
  expect(characterErrorRate(expected_lines, findings.image?.ocrLines ?? [])).toBeLessThanOrEqual(0.02);
});

test("Spanish accents and ñ survive OCR (shared synthetic_es.png)", async () => {
  const findings = await run(path.join(SHARED_OCR, "synthetic_es.png"));
  expect(findings.image?.ocrLines?.[0]).toBe("Mañana iré a la montaña");
  expect(findings.image?.ocrLines?.[1]).toMatch(/^Canción, corazón, ping[üú]ino, árbol$/);
});

test("terminal description in Spanish carries the training numbers", async () => {
  const findings = await run(path.join(FIXTURES, "terminal_training.png"));
  expect(findings.image?.description).toBe(
    "Pantalla de terminal con logs de entrenamiento. Se lee: loss de 0.234 (epoch 1) a 0.043 (epoch 100); " +
      "accuracy de 71.2% (epoch 1) a 89.4% (epoch 100); CPU 85%; GPU memory 7.2GB; duración 4h 23m.",
  );
});

test("dashboard description in English names services, latency and health", async () => {
  const findings = await run(path.join(FIXTURES, "dashboard_services.png"), { logLanguage: "en" });
  expect(findings.image?.description).toMatch(/^Kubernetes dashboard with 3 services: whisper-api \(Running, 2 réplicas\), emotion-detector \(Running, 3 réplicas\), audio-processor \(Running, 1 réplica\)\./);
  expect(findings.image?.description).toContain("p95 180 ms");
  expect(findings.image?.description).toContain("Health Check: PASSING");
});

test("whiteboard photo: capture time and camera from EXIF, schedule in the description", async () => {
  const findings = await run(path.join(FIXTURES, "whiteboard_schedule.jpg"));
  expect(findings.capturedAt).toBe("2025-07-30T11:20:05");
  expect(findings.image?.camera).toBe("Google Pixel 7");
  expect(findings.image?.description).toBe("Pizarra con un cronograma. Se lee: 9:00-12:00 Grabaciones grupo A; 13:00-16:00 Grabaciones grupo B.");
});

test("document prose: facts found across wrapped lines", async () => {
  const findings = await run(path.join(FIXTURES, "document_es.png"));
  expect(findings.image?.description).toContain("Documento con el título «Informe de pruebas de carga»");
  expect(findings.image?.description).toContain("195 ms");
  expect(findings.image?.description).toContain("87%");
});

test("EXIF orientation is applied before OCR (a phone held sideways)", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-orient-"));
  const sideways = path.join(dir, "sideways.jpg");
  // Pixels stored turned a quarter left; orientation 6 tells viewers to turn them back right.
  await sharp(path.join(FIXTURES, "terminal_training.png")).rotate(-90).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toFile(sideways);
  const findings = await run(sideways);
  expect(findings.image?.width).toBe(1100);
  expect(findings.image?.height).toBe(330);
  expect(findings.image?.ocrLines).toContain("epoch 100/100 loss: 0.043 accuracy: 89.4%");
});

test("a photo without text is a photo, with no invented text", async () => {
  const findings = await run(path.resolve(__dirname, "../../../../shared/testdata/photos_coco/000000000802.jpg"));
  expect(findings.image?.imageKind).toBe("photo");
  expect(findings.image?.ocrLines).toEqual([]);
  expect(findings.image?.description).toBe("Fotografía.");
});

test("GPS appears only when the user enabled it", async () => {
  const geotagged = path.join(FIXTURES, "geotagged_room.jpg");
  expect((await run(geotagged)).image?.gps).toBeUndefined();
  expect((await run(geotagged, { includeGps: true })).image?.gps).toBe("19.43261,-99.13321");
});
