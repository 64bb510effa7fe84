import { formatOffset } from "../log/render-body";
import type { ProcessorFindings } from "../processing/processor-port";

/** Per-entry Dataview fields that come straight from what the processors found. */
export function fieldsFromFindings(findings: ProcessorFindings | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!findings) return fields;
  if (findings.emotion) fields.emotion = findings.emotion.label;
  if (findings.audio?.language) fields.language = findings.audio.language;
  if (findings.audio?.durationSec) fields.duration = formatOffset(findings.audio.durationSec);
  if (findings.image?.imageKind) fields.image_kind = findings.image.imageKind;
  if (findings.image?.camera) fields.camera = findings.image.camera;
  if (findings.image?.gps) fields.location = findings.image.gps;
  return { ...fields, ...findings.fields };
}
