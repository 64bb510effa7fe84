import { parse } from "date-fns";
import { plausible } from "./local-iso";

/** Where an entry's time came from, best first. */
export type TimeSource = "media" | "file-name" | "file-created" | "seen";

interface NamePattern {
  regex: RegExp;
  /** date-fns pattern for the digits the regex captures, joined by "-". */
  format: string;
}

// Names written by Obsidian's recorder, phone cameras, screenshot tools and messengers.
const NAME_PATTERNS: NamePattern[] = [
  { regex: /(\d{4})(\d{2})(\d{2})[_\- T]?(\d{2})(\d{2})(\d{2})/, format: "yyyy-MM-dd-HH-mm-ss" },
  { regex: /(\d{4})-(\d{2})-(\d{2})(?:[ T_]|\s+at\s+|\s+a las\s+)(\d{1,2})[.:\-h](\d{2})(?:[.:\-m](\d{2}))?/, format: "yyyy-MM-dd-HH-mm-ss" },
  { regex: /(\d{4})-(\d{2})-(\d{2})/, format: "yyyy-MM-dd" },
];

/** The time a file name carries (`Recording 20250730153012.webm`, `IMG_20250730_084510.jpg`, `2025-07-30 08.45.10.png`). */
export function timeFromFileName(name: string): Date | null {
  for (const { regex, format } of NAME_PATTERNS) {
    const match = regex.exec(name);
    if (!match) continue;
    const parts = match.slice(1).map((part) => part ?? "00");
    const digits = format === "yyyy-MM-dd" ? parts.slice(0, 3) : parts;
    const date = parse(digits.map((p) => p.padStart(2, "0")).join("-"), format, new Date(0));
    if (plausible(date)) return date;
  }
  return null;
}

/** ISO local "yyyy-MM-ddTHH:mm(:ss)" from media metadata, when it parses to a plausible date. */
function fromMediaIso(iso: string | undefined): Date | null {
  if (!iso) return null;
  const date = parse(iso.slice(0, 19), iso.length >= 19 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm", new Date(0));
  return plausible(date) ? date : null;
}

export interface EntryTimeInput {
  fileName: string;
  /** Capture time from inside the media (EXIF DateTimeOriginal, container creation time). */
  mediaIso?: string;
  /** File creation time, epoch ms. */
  fileCreatedMs?: number;
  seenAt: Date;
}

/** Picks the entry time from the best source available; bad or missing times never throw. */
export function chooseEntryTime(input: EntryTimeInput): { date: Date; source: TimeSource } {
  const media = fromMediaIso(input.mediaIso);
  if (media) return { date: media, source: "media" };
  const named = timeFromFileName(input.fileName);
  if (named) return { date: named, source: "file-name" };
  if (input.fileCreatedMs !== undefined && input.fileCreatedMs > 0) {
    const created = new Date(input.fileCreatedMs);
    if (plausible(created)) return { date: created, source: "file-created" };
  }
  return { date: input.seenAt, source: "seen" };
}
