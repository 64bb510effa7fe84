import { fileNameOf } from "../media";
import type { AudioFindings, ImageFindings, TimedSegment } from "../processing/processor-port";
import { attachmentLink } from "./attachment-link";
import { displayFileName } from "./engine-text";
import type { LogEntry } from "./entry";
import type { LogLabels } from "./labels";
import { formatOffset as formatSegmentOffset, renderSegmentLines } from "../transcript/segment-lines";
import { parseSpeakerNames } from "../transcript/speaker-turns";

/** "m:ss" or "h:mm:ss" for a duration, rounded to the nearest second. */
export function formatOffset(seconds: number): string {
  return formatSegmentOffset(Math.round(seconds));
}

function callout(title: string, lines: string[]): string[] {
  return [`> [!note]- ${title}`, ...lines.map((line) => (line ? `> ${line}` : ">"))];
}

/** Each segment with a link that plays the recording from there (src/core/transcript/segment-lines). */
function segmentLines(entry: LogEntry, segments: TimedSegment[], labels: LogLabels): string[] {
  const speakerNames = parseSpeakerNames(entry.fields.speakers);
  return renderSegmentLines(segments, { attachment: entry.attachment, startIso: entry.date, speakerWord: labels.speaker, speakerNames });
}

function statusLine(entry: LogEntry, labels: LogLabels): string | null {
  if (entry.status === "Not Processed") return `*${labels.pending}*`;
  if (entry.status === "In Progress") return `*${labels.inProgress}*`;
  if (entry.status === "Error") return `*${labels.error}: ${entry.error ?? "?"}*`;
  return null;
}

/** Transcript, key points and timed segments of a processed recording. */
function audioLines(entry: LogEntry, audio: AudioFindings | undefined, labels: LogLabels): string[] {
  const lines: string[] = [];
  if (audio?.noSpeech || !audio?.transcript) lines.push(`*${labels.noSpeech}*`);
  else lines.push(`*${labels.audioContent}: "${audio.transcript.trim()}"*`);
  // Seed 000's "Puntos clave" list: taken from the transcript's own sentences (enrich/key-points.ts).
  if (audio?.keyPoints?.length) lines.push("", `${labels.keyPoints}:`, ...audio.keyPoints.map((point) => `- ${point}`));
  if (audio?.segments?.length) {
    const facts = [audio.language, audio.durationSec ? formatOffset(audio.durationSec) : null].filter(Boolean).join(" · ");
    lines.push("", ...callout(`${labels.segmentsCallout}${facts ? ` (${facts})` : ""}`, segmentLines(entry, audio.segments, labels)));
  }
  return lines;
}

/** Description and recognised text of a processed photo. */
function imageLines(image: ImageFindings | undefined, labels: LogLabels): string[] {
  const lines: string[] = [];
  if (image?.description) lines.push(`*${labels.photoDescription}: ${image.description.trim()}*`);
  if (image?.ocrLines?.length) lines.push("", ...callout(labels.recognisedTextCallout, image.ocrLines));
  return lines;
}

/** One attachment's block: its heading, embed, and transcript or description (or its status while pending). */
export function renderBlockLines(entry: LogEntry, labels: LogLabels): string[] {
  const heading = entry.kind === "audio" ? labels.audioHeading : labels.photoHeading;
  const head = [`**${heading}: ${displayFileName(fileNameOf(entry.attachment))}**`, attachmentLink(entry.attachment, true)];
  const status = statusLine(entry, labels);
  if (status) return [...head, status];
  return [...head, ...(entry.kind === "audio" ? audioLines(entry, entry.findings?.audio, labels) : imageLines(entry.findings?.image, labels))];
}
