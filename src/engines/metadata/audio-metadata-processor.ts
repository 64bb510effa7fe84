import { openAsBlob } from "node:fs";
import { parseBlob, parseFile } from "music-metadata";
import type { MediaProcessor } from "../../core/processing/processor-port";
import { holdsSound, sniffMediaType } from "../audio/sniff-media-type";
import { EngineError } from "../host/engine-error";
import { capturedAtIso } from "../../core/time/local-iso";

/** Duration, codec and recording time from the container (recognised by its content), read with music-metadata. */
export const audioMetadataProcessor: MediaProcessor = {
  name: "audio-metadata",
  kinds: ["audio"],
  async process(job, findings, context) {
    context.onProgress({ stage: "Reading audio metadata", fraction: 0 });
    const sniffed = await sniffMediaType(job.absPath);
    if (sniffed && !holdsSound(sniffed)) {
      throw new EngineError("unsupported-media", `Not a recording: the file holds ${sniffed.ext.toUpperCase()} data (${sniffed.mime}), whatever its name says.`);
    }
    let metadata;
    try {
      const options = { duration: true, skipCovers: true };
      // Read as what its bytes say it is (an MP3 named ".wav"); by its extension only when they say nothing.
      metadata = sniffed ? await parseBlob(await openAsBlob(job.absPath, { type: sniffed.mime }), options) : await parseFile(job.absPath, options);
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
