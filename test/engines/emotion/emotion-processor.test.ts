/**
 * The emotion processor on real recordings (EmoDB anger and sadness clips, decoded by the
 * shared audio engine), with the transcript and segments a transcription would hand over.
 */
import path from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from "../../../src/core/processing/engine-options";
import type { ProcessContext, ProcessorFindings } from "../../../src/core/processing/processor-port";
import { createEmotionProcessor } from "../../../src/engines/emotion/emotion-processor";
import { emotionProcessor } from "../../../src/engines/emotion/native-emotion-processor";
import { EngineError } from "../../../src/engines/host/engine-error";

const EMODB = path.resolve(__dirname, "../../../../shared/testdata/emotion_speech_emodb");
const job = (file: string) => ({ path: file, absPath: path.join(EMODB, file), kind: "audio" as const });
const context = (options: Partial<EngineOptions> = {}, signal = new AbortController().signal): ProcessContext => ({
  signal,
  options: { ...DEFAULT_ENGINE_OPTIONS, ...options },
  onProgress: () => undefined,
});
const transcribed = (transcript: string, segments: { start: number; end: number; text: string }[]): ProcessorFindings => ({
  kind: "audio",
  audio: { durationSec: 2, transcript, segments, noSpeech: false },
});

test("angry voice + good news → entusiasmo; sad voice + the same words → satisfacción", async () => {
  const words = "La migración quedó bien y todo funciona, excelente";
  const angry = await emotionProcessor.process(job("08a01Wa.wav"), transcribed(words, []), context());
  const sad = await emotionProcessor.process(job("08a02Tb.wav"), transcribed(words, []), context());
  expect(angry.emotion).toMatchObject({ label: "entusiasmo", source: "voice+text" });
  expect(sad.emotion).toMatchObject({ label: "satisfacción", source: "voice+text" });
  expect(angry.emotion!.confidence).toBeGreaterThan(0.35);
  expect(angry.emotion!.confidence).toBeLessThanOrEqual(0.95);
  expect(angry.fields?.arousal).toBe("alta");
  expect(sad.fields?.arousal).toBe("baja");
});

test("segments get an emotion only where they carry one; other findings are kept", async () => {
  const findings: ProcessorFindings = {
    ...transcribed("Revisé los logs. Otra vez falla el build, qué coraje.", [
      { start: 0, end: 0.9, text: "Revisé los logs." },
      { start: 0.9, end: 2, text: "Otra vez falla el build, qué coraje." },
    ]),
    capturedAt: "2025-07-30T08:45",
  };
  const result = await emotionProcessor.process(job("08a01Wa.wav"), findings, context({ logLanguage: "en" }));
  expect(result.capturedAt).toBe("2025-07-30T08:45");
  expect(result.audio?.transcript).toBe(findings.audio?.transcript);
  expect(result.audio?.segments?.[0].emotion).toBeUndefined();
  expect(result.audio?.segments?.[1]).toMatchObject({ start: 0.9, end: 2, emotion: "frustration" });
  expect(result.emotion?.label).toBe("frustration");
});

test("factual words stay neutral whatever the voice", async () => {
  const result = await emotionProcessor.process(job("08a01Wa.wav"), transcribed("La reunión es el jueves a las diez.", []), context());
  expect(result.emotion).toMatchObject({ label: "neutral", source: "voice+text" });
});

test("no speech: no emotion field at all", async () => {
  const findings: ProcessorFindings = { kind: "audio", audio: { transcript: "", noSpeech: true, segments: [] } };
  expect(await emotionProcessor.process(job("03a01Wa.wav"), findings, context())).toEqual(findings);
});

test("an undecodable file still gets a label from its words", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bitacora-emotion-"));
  writeFileSync(path.join(dir, "broken.m4a"), "not audio at all".repeat(20));
  const broken = { path: "broken.m4a", absPath: path.join(dir, "broken.m4a"), kind: "audio" as const };
  const result = await emotionProcessor.process(broken, transcribed("Me preocupa mucho el riesgo de perder datos", []), context());
  expect(result.emotion).toMatchObject({ label: "preocupación", source: "text" });
});

test("cancellation is not swallowed", async () => {
  const controller = new AbortController();
  const slow = createEmotionProcessor(async () => {
    controller.abort();
    throw new EngineError("cancelled", "Cancelled.");
  });
  await expect(slow.process(job("03a01Wa.wav"), transcribed("funciona", []), context({}, controller.signal))).rejects.toMatchObject({ code: "cancelled" });
});

test("photos: emotional descriptions are tagged, plain ones are not", async () => {
  const photo = (description: string): ProcessorFindings => ({ kind: "image", image: { description } });
  const image = { path: "p.jpg", absPath: "/nonexistent/p.jpg", kind: "image" as const };
  const happy = await emotionProcessor.process(image, photo("El equipo celebra feliz, sonrisas y alegría: ¡excelente demo!"), context());
  expect(happy.emotion).toMatchObject({ label: "entusiasmo", source: "text" });
  const terminal = await emotionProcessor.process(image, photo("Pantalla de terminal con un error de compilación."), context());
  expect(terminal.emotion).toBeUndefined();
});

test("progress rises while the recording is measured and ends at 1", async () => {
  const fractions: number[] = [];
  const findings: ProcessorFindings = { kind: "audio", audio: { durationSec: 2, transcript: "funciona", noSpeech: false } };
  await emotionProcessor.process(job("03a01Wa.wav"), findings, { ...context(), onProgress: (r) => r.fraction !== undefined && fractions.push(r.fraction) });
  expect(fractions[0]).toBe(0);
  expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
  expect(fractions[fractions.length - 1]).toBe(1);
  expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
});
