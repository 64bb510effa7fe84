import { fileNameOf } from "../media";
import type { ProcessorFindings, TimedSegment } from "../processing/processor-port";
import { attachmentLink } from "./attachment-link";
import { displayFileName } from "./engine-text";
import type { LogEntry } from "./entry";
import type { LogLabels } from "./labels";

/** "m:ss" or "h:mm:ss" for a recording offset. */
export function formatOffset(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Wall-clock "HH:mm:ss" of an offset into a recording that started at `startIso`. */
function wallClock(startIso: string, offsetSec: number): string | null {
  const match = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(startIso);
  if (!match) return null;
  const secs = (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0) + Math.round(offsetSec)) % 86400;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(secs / 3600))}:${pad(Math.floor((secs % 3600) / 60))}:${pad(secs % 60)}`;
}

function callout(title: string, lines: string[]): string[] {
  return [`> [!note]- ${title}`, ...lines.map((line) => (line ? `> ${line}` : ">"))];
}

function segmentLines(segments: TimedSegment[], startIso: string): string[] {
  return segments.map((segment) => {
    const clock = wallClock(startIso, segment.start);
    const span = `${formatOffset(segment.start)}–${formatOffset(segment.end)}`;
    const mood = segment.emotion ? ` _(${segment.emotion})_` : "";
    return `- \`${span}\`${clock ? ` (${clock})` : ""} ${segment.text.trim()}${mood}`;
  });
}

function statusLine(entry: LogEntry, labels: LogLabels): string | null {
  if (entry.status === "Not Processed") return `*${labels.pending}*`;
  if (entry.status === "In Progress") return `*${labels.inProgress}*`;
  if (entry.status === "Error") return `*${labels.error}: ${entry.error ?? "?"}*`;
  return null;
}

function audioLines(entry: LogEntry, findings: ProcessorFindings | undefined, labels: LogLabels): string[] {
  const audio = findings?.audio;
  const lines = [`**${labels.audioHeading}: ${displayFileName(fileNameOf(entry.attachment))}**`, attachmentLink(entry.attachment, true)];
  const status = statusLine(entry, labels);
  if (status) return [...lines, status];
  if (audio?.noSpeech || !audio?.transcript) lines.push(`*${labels.noSpeech}*`);
  else lines.push(`*${labels.audioContent}: "${audio.transcript.trim()}"*`);
  // Seed 000's "Puntos clave" list: taken from the transcript's own sentences (enrich/key-points.ts).
  if (audio?.keyPoints?.length) lines.push("", `${labels.keyPoints}:`, ...audio.keyPoints.map((point) => `- ${point}`));
  if (audio?.segments?.length) {
    const facts = [audio.language, audio.durationSec ? formatOffset(audio.durationSec) : null].filter(Boolean).join(" · ");
    lines.push("", ...callout(`${labels.segmentsCallout}${facts ? ` (${facts})` : ""}`, segmentLines(audio.segments, entry.date)));
  }
  return lines;
}

function imageLines(entry: LogEntry, findings: ProcessorFindings | undefined, labels: LogLabels): string[] {
  const image = findings?.image;
  const lines = [`**${labels.photoHeading}: ${displayFileName(fileNameOf(entry.attachment))}**`, attachmentLink(entry.attachment, true)];
  const status = statusLine(entry, labels);
  if (status) return [...lines, status];
  if (image?.description) lines.push(`*${labels.photoDescription}: ${image.description.trim()}*`);
  if (image?.ocrLines?.length) lines.push("", ...callout(labels.recognisedTextCallout, image.ocrLines));
  return lines;
}

/** One attachment's block: its heading, embed, and transcript or description (or its status while pending). */
export function renderBlockLines(entry: LogEntry, labels: LogLabels): string[] {
  return entry.kind === "audio" ? audioLines(entry, entry.findings, labels) : imageLines(entry, entry.findings, labels);
}
