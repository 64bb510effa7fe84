import type { EngineOptions } from "../../core/processing/engine-options";
import type { ProcessJob, ProcessorFindings, ProgressReport } from "../../core/processing/processor-port";
import { throwIfCancelled } from "./engine-error";
import { processorsFor } from "./processors";
import { checkReadableMedia } from "./media-file-check";
import { defaultModelsDir } from "../models/whisper-models";

/** Runs every processor for the job's media kind in order, each adding to the findings. */
export async function runPipeline(
  job: ProcessJob,
  options: EngineOptions,
  signal: AbortSignal,
  onProgress: (report: ProgressReport) => void,
): Promise<ProcessorFindings> {
  await checkReadableMedia(job.absPath);
  // No models folder chosen: use the per-user default, where "Download Whisper model" puts them.
  if (!options.modelsDir) options = { ...options, modelsDir: defaultModelsDir() };
  const processors = processorsFor(job.kind);
  let findings: ProcessorFindings = { kind: job.kind };
  for (const [index, processor] of processors.entries()) {
    throwIfCancelled(signal);
    const scale = (fraction?: number) =>
      fraction === undefined ? undefined : (index + Math.min(Math.max(fraction, 0), 1)) / processors.length;
    findings = await processor.process(job, findings, {
      signal,
      options,
      onProgress: (report) => onProgress({ stage: report.stage, fraction: scale(report.fraction) }),
    });
  }
  return findings;
}
