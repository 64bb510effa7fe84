/**
 * How much emotion tagging adds to an audio job, measured in one run on real recordings:
 *   decode (16 kHz mono) + Silero VAD, and the whole transcription processor (its own
 *   decode + VAD + whisper.cpp with the weightless test model) when it is available,
 *   against the emotion processor (its own decode + prosody + words) and its analysis alone.
 * The weightless model transcribes nothing (the job ends as noSpeech), so the emotion
 * processor is handed what a real model would produce: the reference transcript of the clip
 * split over the VAD's speech segments.
 * Usage: npm run bench:emotion   (takes /tmp/bitacora-bench.lock; writes bench/results/emotion.json)
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyseRecording } from "../src/core/emotion/emotion-analysis";
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from "../src/core/processing/engine-options";
import type { ProcessContext, ProcessorFindings } from "../src/core/processing/processor-port";
import { decodeToPcm16kMono, detectSpeech, SileroVad } from "../src/engines/audio";
import { nativeOnnx } from "../src/engines/onnx/native-onnx";
import { emotionProcessor } from "../src/engines/emotion/native-emotion-processor";
import { transcriptionProcessor } from "../src/engines/whisper/transcription-processor";

const ROOT = process.env.BITACORA_ROOT ?? process.cwd();
const SHARED = path.resolve(ROOT, "../shared/testdata");
const RECORDINGS = [
  "speech_en/jfk.wav",
  "speech_es/fleurs-es-000.ogg",
  "speech_es/picovoice_leopard_test_es.wav",
  "speech_en/churchill.wav",
  "speech_en/faster_whisper_hotwords.mp3",
];
/** Decode, VAD and emotion are repeated and the median kept; the transcription job runs once. */
const REPEATS = 3;

interface Row {
  recording: string;
  durationSec: number;
  medianMs: Record<string, number | null>;
  whisperError?: string;
  emotionAnalysisVsDecodeVad: number;
  emotionProcessorVsDecodeVad: number;
  emotionProcessorVsTranscriptionJob: number | null;
}

/** Reference words spread over the speech segments, as a transcription would return them. */
function asTranscribed(findings: ProcessorFindings, reference: string, speech: { start: number; end: number }[]): ProcessorFindings {
  const words = reference.split(/\s+/);
  const per = Math.ceil(words.length / Math.max(1, speech.length));
  const segments = speech.map((s, i) => ({ start: s.start, end: s.end, text: words.slice(i * per, (i + 1) * per).join(" ") }));
  return { ...findings, kind: "audio", audio: { ...findings.audio, transcript: reference, noSpeech: false, segments } };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

function context(options: EngineOptions): ProcessContext {
  return { signal: new AbortController().signal, options, onProgress: () => undefined };
}

async function main() {
  const options: EngineOptions = {
    ...DEFAULT_ENGINE_OPTIONS,
    whisperModelPath: path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin"),
    whisperLanguage: "es",
  };
  const vad = await SileroVad.create({ threads: 1, onnx: nativeOnnx });
  const references = JSON.parse(readFileSync(path.join(SHARED, "speech_transcripts.json"), "utf8")) as Record<string, string>;
  const rows: Row[] = [];
  for (const relative of RECORDINGS) {
    const absPath = path.join(SHARED, relative);
    const job = { path: path.basename(absPath), absPath, kind: "audio" as const };
    const samples: Record<string, number[]> = { decode: [], vad: [], transcription: [], emotionProcessor: [], emotionAnalysis: [] };
    let durationSec = 0;
    let whisperError: string | undefined;
    let transcriptFindings: ProcessorFindings | undefined;
    for (let r = 0; r < REPEATS; r++) {
      const decoded = await timed(() => decodeToPcm16kMono(absPath));
      durationSec = decoded.value.durationSec;
      samples.decode.push(decoded.ms);
      const speech = await timed(() => detectSpeech(decoded.value.samples, { vad }));
      samples.vad.push(speech.ms);
      let findings: ProcessorFindings = transcriptFindings ?? { kind: "audio" };
      // Whisper takes ~30 s a clip even weightless: once per recording is enough to compare.
      if (r === 0) {
        try {
          const transcribed = await timed(() => transcriptionProcessor.process(job, findings, context(options)));
          samples.transcription.push(transcribed.ms);
          findings = transcriptFindings = transcribed.value;
        } catch (error) {
          whisperError = (error as Error).message;
        }
      }
      findings = asTranscribed(findings, references[relative] ?? "", speech.value.segments);
      samples.emotionProcessor.push((await timed(() => emotionProcessor.process(job, findings, context(options)))).ms);
      const input = { samples: decoded.value.samples, sampleRate: 16000, transcript: findings.audio?.transcript, segments: findings.audio?.segments };
      samples.emotionAnalysis.push((await timed(() => analyseRecording(input, "es"))).ms);
    }
    const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.length ? Math.round(median(v) * 10) / 10 : null]));
    const decodeVad = (m.decode ?? 0) + (m.vad ?? 0);
    const job_ = m.transcription ?? decodeVad;
    const row: Row = {
      recording: relative,
      durationSec: Math.round(durationSec * 10) / 10,
      medianMs: m,
      whisperError,
      emotionAnalysisVsDecodeVad: Math.round(((m.emotionAnalysis ?? 0) / decodeVad) * 1000) / 1000,
      emotionProcessorVsDecodeVad: Math.round(((m.emotionProcessor ?? 0) / decodeVad) * 1000) / 1000,
      emotionProcessorVsTranscriptionJob: m.transcription ? Math.round(((m.emotionProcessor ?? 0) / job_) * 1000) / 1000 : null,
    };
    console.log(JSON.stringify(row));
    rows.push(row);
  }
  await vad.dispose?.();
  const total = (key: string) => rows.reduce((s, r) => s + (r.medianMs[key] ?? 0), 0);
  const summary = {
    audioSeconds: Math.round(rows.reduce((s, r) => s + r.durationSec, 0) * 10) / 10,
    totalMedianMs: Object.fromEntries(Object.keys(rows[0].medianMs).map((k) => [k, Math.round(total(k))])),
    emotionAnalysisShareOfDecodeVad: Math.round((total("emotionAnalysis") / (total("decode") + total("vad"))) * 1000) / 1000,
    emotionProcessorShareOfDecodeVad: Math.round((total("emotionProcessor") / (total("decode") + total("vad"))) * 1000) / 1000,
    emotionProcessorShareOfTranscriptionJob: total("transcription") ? Math.round((total("emotionProcessor") / total("transcription")) * 1000) / 1000 : null,
  };
  console.log(JSON.stringify(summary, null, 2));
  const out = path.join(ROOT, "bench/results/emotion.json");
  mkdirSync(path.dirname(out), { recursive: true });
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version };
  writeFileSync(out, JSON.stringify({ generatedAt: new Date().toISOString(), machine, repeats: REPEATS, whisperModel: "for-tests-ggml-tiny.bin (weightless)", summary, rows }, null, 2) + "\n");
  console.log(`wrote ${path.relative(ROOT, out)}`);
}

void main().then(() => process.exit(0));
