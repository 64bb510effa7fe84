import type { TimedSegment } from "../processing/processor-port";
import { encodeTarget, WIKILINK_UNSAFE } from "../log/attachment-link";
import { speakerName } from "./speaker-turns";

/**
 * One line per transcript segment, starting with a link that plays the recording from that
 * moment: `[[Audio/Recording 20250730153012.webm#t=95.2|1:35]]`. Obsidian keeps `#t=95.2` as
 * the link's subpath (so the link still resolves and follows renames), its player and Media
 * Extended read it as a media-fragment start time (docs/server.md, "Clickable timestamps").
 * The wall-clock time and the text stay on the line. Pure logic.
 */
export interface SegmentLineContext {
  /** Vault path of the recording. */
  attachment: string;
  /** Local ISO start of the recording ("yyyy-MM-ddTHH:mm[:ss]"), for wall-clock times. */
  startIso: string;
  /** "Hablante" / "Speaker". */
  speakerWord: string;
  speakerNames: ReadonlyMap<number, string>;
}

export function renderSegmentLines(segments: readonly TimedSegment[], context: SegmentLineContext): string[] {
  return segments.map((segment) => {
    const clock = wallClock(context.startIso, segment.start);
    const who = segment.speaker !== undefined ? `**${speakerName(segment.speaker, context.speakerNames, context.speakerWord)}:** ` : "";
    const mood = segment.emotion ? ` _(${segment.emotion})_` : "";
    return `- ${timestampLink(context.attachment, segment.start)}${clock ? ` (${clock})` : ""} ${who}${segment.text.trim()}${mood}`;
  });
}

/** A link to the recording at `seconds`, labelled "m:ss". */
export function timestampLink(attachment: string, seconds: number): string {
  const fragment = `#t=${mediaSeconds(seconds)}`;
  const label = formatOffset(seconds);
  // Names wikilinks cannot hold become Markdown links; the fragment stays unencoded.
  if (WIKILINK_UNSAFE.test(attachment)) return `[${label}](<${encodeTarget(attachment)}${fragment}>)`;
  return `[[${attachment}${fragment}|${label}]]`;
}

/** Seconds as a media fragment writes them: at most one decimal, no trailing ".0". */
export function mediaSeconds(seconds: number): string {
  return String(Math.round(Math.max(0, seconds) * 10) / 10);
}

/** "m:ss" or "h:mm:ss" for a recording offset. */
export function formatOffset(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Wall-clock "HH:mm:ss" of an offset into a recording that started at `startIso`. */
export function wallClock(startIso: string, offsetSec: number): string | null {
  const match = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(startIso);
  if (!match) return null;
  const secs = (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0) + Math.floor(offsetSec)) % 86400;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(secs / 3600))}:${pad(Math.floor((secs % 3600) / 60))}:${pad(secs % 60)}`;
}
