import { parseFile } from "music-metadata";
import type { MediaProcessor } from "../../core/processing/processor-port";
import { EngineError } from "../host/engine-error";
import { capturedAtIso } from "../../core/time/local-iso";

/** Duration, codec and recording time from the container, read with music-metadata. */
export const audioMetadataProcessor: MediaProcessor = {
  name: "audio-metadata",
  kinds: ["audio"],
  async process(job, findings, context) {
    context.onProgress({ stage: "Reading audio metadata", fraction: 0 });
    let metadata;
    try {
      metadata = await parseFile(job.absPath, { duration: true, skipCovers: true });
    } catch (error) {
      throw new EngineError("corrupt-media", `Not a readable audio file: ${(error as Error).message}`);
    }
    const format = metadata.format;
    if (!format.container && !format.codec) {
      throw new EngineError("corrupt-media", "Not a readable audio file: no audio container was recognised.");
    }
    const created = format.creationTime ?? metadata.common.date;
    const capturedAt = created ? capturedAtIso(new Date(created)) : undefined;
    return {
      ...findings,
      capturedAt: findings.capturedAt ?? capturedAt,
      audio: {
        ...findings.audio,
        durationSec: format.duration,
        codec: format.codec,
        container: format.container,
        sampleRate: format.sampleRate,
        channels: format.numberOfChannels,
      },
    };
  },
};
