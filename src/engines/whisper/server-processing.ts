import { readFile } from "node:fs/promises";
import type { EngineOptions, ServerOptions } from "../../core/processing/engine-options";
import type { ProcessContext, ProcessJob, ProcessorFindings } from "../../core/processing/processor-port";
import { joinTranscript } from "../../core/transcript/transcript-assembly";
import { numberSpeakers } from "../../core/transcript/speaker-turns";
import { EngineError } from "../host/engine-error";
import { processTransport } from "../http/host-transport";
import { ServerWithLocalFallback } from "./server-fallback-engine";
import { ServerWhisperEngine } from "./server-whisper-engine";
import type { WhisperEngine } from "./whisper-port";

/** The server engine for a job, falling back to the local one when the user allows it. */
export function serverEngine(server: ServerOptions, context: ProcessContext, local: () => Promise<WhisperEngine>): WhisperEngine {
  const engine = new ServerWhisperEngine(
    { url: server.url, model: server.model, apiKey: server.apiKey, timeoutSec: server.timeoutSec, stream: true, hotwords: server.hotwords },
    {
      transport: processTransport(),
      onRetry: (attempt, reason, waitMs) => context.onProgress({ stage: `Server attempt ${attempt} failed (${reason}); retrying in ${Math.round(waitMs / 1000)} s` }),
    },
  );
  if (!server.fallbackToLocal) return engine;
  return new ServerWithLocalFallback(engine, local, () => context.onProgress({ stage: "Server failed; transcribing on this computer" }));
}

const MIME_TYPES: Record<string, string> = {
  mp3: "audio/mpeg", m4a: "audio/mp4", mp4: "audio/mp4", aac: "audio/aac", wav: "audio/wav", webm: "audio/webm",
  ogg: "audio/ogg", opus: "audio/ogg", oga: "audio/ogg", flac: "audio/flac",
};

/**
 * The whole recording, as recorded, to a server that finds speech itself (speaches with
 * vad_filter, whisper-server with --vad). Returns null when the server failed and the user
 * allows the local engine, which then transcribes the usual way.
 */
export async function transcribeWholeFileOnServer(
  job: ProcessJob,
  findings: ProcessorFindings,
  server: ServerOptions,
  options: EngineOptions,
  context: ProcessContext,
): Promise<ProcessorFindings | null> {
  const engine = new ServerWhisperEngine(
    { url: server.url, model: server.model, apiKey: server.apiKey, timeoutSec: server.timeoutSec, stream: true, hotwords: server.hotwords },
    { transport: processTransport() },
  );
  const fileName = job.path.slice(job.path.lastIndexOf("/") + 1);
  const extension = fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase();
  const durationSec = findings.audio?.durationSec ?? 0;
  try {
    context.onProgress({ stage: "Transcribing on the server", fraction: 0.1 });
    const result = await engine.transcribeUpload(
      { bytes: await readFile(job.absPath), fileName, mimeType: MIME_TYPES[extension] ?? "application/octet-stream" },
      durationSec,
      { language: options.whisperLanguage || "auto", initialPrompt: options.initialPrompt, threads: 1, signal: context.signal },
    );
    const segments = numberSpeakers(result.segments.map((s) => ({ ...s, text: s.text.trim() })).filter((s) => s.text));
    const transcript = joinTranscript(segments);
    return {
      ...findings,
      audio: { ...findings.audio, transcript, noSpeech: transcript.length === 0, language: result.language, segments },
    };
  } catch (error) {
    if (server.fallbackToLocal && error instanceof EngineError && error.code === "server-failed") {
      context.onProgress({ stage: "Server failed; transcribing on this computer" });
      return null;
    }
    throw error;
  }
}
