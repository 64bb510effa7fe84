/**
 * Builds one gold day as a real vault folder: topic notes with aliases, photos rendered with
 * ImageMagick as the screens and boards the day describes (EXIF capture time and camera set
 * with exiftool), and recordings spoken by espeak-ng, each stretched to its own length so the
 * stand-in whisper-cli can tell them apart. Every program is spawned with an argument array.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { GoldAttachment, GoldDay, GoldScreen } from "./gold";

const MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
const SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const run = (program: string, args: string[]) => execFileSync(program, args, { stdio: ["ignore", "pipe", "pipe"] }).toString();

export interface StandInRecording {
  file: string;
  text: string;
  language: string;
  /** Seconds of speech the stand-in expects to be handed. */
  speechSec: number;
}

/** `yyyyMMdd_HHmmss_…` → "yyyy:MM:dd HH:mm:ss" for EXIF. */
function exifTime(file: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})/.exec(file);
  if (!m) throw new Error(`${file}: gold attachments start with yyyyMMdd_HHmmss`);
  return `${m[1]}:${m[2]}:${m[3]} ${m[4]}:${m[5]}:${m[6]}`;
}

function screenArgs(screen: GoldScreen): string[] {
  if (screen.theme === "board") return boardArgs(screen);
  const dark = screen.theme === "dark";
  const whiteboard = screen.theme === "whiteboard";
  const size = whiteboard ? 44 : 24;
  const charWidth = size * (dark ? 0.61 : 0.58);
  const rows = screen.rows ?? [];
  // Column starts from the widest cell of each column, as a terminal or web table lays them out.
  const widths: number[] = [];
  for (const row of rows) if (row.length > 1) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const starts = widths.reduce<number[]>((acc, w, i) => [...acc, acc[i] + (w + 4) * charWidth], [60]);
  const width = whiteboard ? 1600 : 1280;
  const height = whiteboard ? 1000 : 120 + rows.length * size * 1.9;
  const args = ["-size", `${width}x${Math.round(height)}`, `xc:${dark ? "#1e1e1e" : whiteboard ? "#f4f4f0" : "#ffffff"}`];
  args.push("-font", dark ? MONO : SANS, "-pointsize", String(size), "-fill", dark ? "#d8d8d8" : whiteboard ? "#1a3d8f" : "#202020");
  rows.forEach((row, r) => {
    const y = Math.round((whiteboard ? 160 : 80) + r * size * (whiteboard ? 2.4 : 1.9));
    row.forEach((cell, c) => {
      if (cell) args.push("-annotate", `+${Math.round(row.length > 1 ? starts[c] : 60)}+${y}`, cell);
    });
  });
  return args;
}

function boardArgs(screen: GoldScreen): string[] {
  const colours = ["#b8e6b0", "#fff1a8", "#ffc2d9"];
  const args = ["-size", "1600x1000", "xc:#d9d6cf", "-font", SANS];
  (screen.columns ?? []).forEach((heading, c) => {
    const x = 60 + c * 520;
    args.push("-pointsize", "38", "-fill", "#222222", "-annotate", `+${x}+90`, heading);
    (screen.notes?.[c] ?? []).forEach((note, n) => {
      const y = 150 + n * 230;
      args.push("-fill", colours[c % colours.length], "-draw", `rectangle ${x},${y} ${x + 440},${y + 190}`);
      args.push("-pointsize", "34", "-fill", "#222222", "-annotate", `+${x + 24}+${y + 105}`, note);
    });
  });
  return args;
}

function renderPhoto(attachment: GoldAttachment, target: string): void {
  run("convert", [...screenArgs(attachment.screen!), target]);
  if (!/\.jpe?g$/i.test(target)) return;
  const tags = [`-DateTimeOriginal=${exifTime(attachment.file)}`];
  if (attachment.camera) tags.push("-Make=Google", "-Model=Pixel 7");
  run("exiftool", ["-overwrite_original", "-q", ...tags, target]);
}

function secondsOf(file: string): number {
  return Number(run("soxi", ["-D", file]).trim());
}

/**
 * A length for each recording, at least 2.5 s from every other and at most 27 s (one Whisper
 * window): shorter ones are slowed down, and only when that overflows are longer ones sped up.
 */
function lengthsApart(natural: number[]): number[] {
  const order = natural.map((n, i) => ({ n, i })).sort((a, b) => a.n - b.n);
  const targets: number[] = [];
  let previous = -Infinity;
  for (const { n, i } of order) previous = targets[i] = Math.max(n, previous + 2.5);
  if (previous <= 27) return targets;
  let next = 29.5;
  for (const { n, i } of order.reverse()) next = targets[i] = Math.min(n, next - 2.5);
  if (order.some(({ n, i }) => targets[i] < n / 2.5)) throw new Error("too many long recordings in one day to tell apart by length");
  return targets;
}

/** Speaks each transcript, trims the silence around it and gives each recording its own length. */
function speakRecordings(day: GoldDay, attachments: GoldAttachment[], folder: string, work: string): StandInRecording[] {
  const voice = day.language === "es" ? "es-419" : "en-us";
  const spoken = attachments.map((attachment, i) => {
    const raw = path.join(work, `raw-${i}.wav`);
    run("espeak-ng", ["-v", voice, "-s", "185", "-w", raw, attachment.transcript!]);
    const trimmed = path.join(work, `trimmed-${i}.wav`);
    run("sox", [raw, "-r", "16000", "-c", "1", trimmed, "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse"]);
    return { attachment, trimmed, natural: secondsOf(trimmed) };
  });
  const targets = lengthsApart(spoken.map((s) => s.natural));
  const recordings: StandInRecording[] = [];
  for (const [i, item] of spoken.entries()) {
    const target = targets[i];
    const fitted = path.join(work, `fitted-${recordings.length}.wav`);
    run("sox", [item.trimmed, fitted, "tempo", "-s", String(item.natural / target), "pad", "0.6", "0.6"]);
    const out = path.join(folder, item.attachment.file);
    if (out.endsWith(".wav")) run("sox", [fitted, out]);
    else run("ffmpeg", ["-loglevel", "error", "-y", "-i", fitted, "-c:a", "aac", "-b:a", "64k", out]);
    recordings.push({ file: item.attachment.file, text: item.attachment.transcript!, language: day.language, speechSec: target });
  }
  return recordings;
}

/** Writes the day's vault into `vault` and returns what the stand-in must answer. */
export function buildVault(day: GoldDay, vault: string, work: string): StandInRecording[] {
  const attachmentsFolder = path.join(vault, "Attachments");
  mkdirSync(attachmentsFolder, { recursive: true });
  mkdirSync(work, { recursive: true });
  for (const topic of day.topics) {
    const aliases = topic.aliases.map((a) => JSON.stringify(a)).join(", ");
    writeFileSync(path.join(vault, `${topic.name}.md`), `---\naliases: [${aliases}]\n---\n# ${topic.name}\n`);
  }
  const all = day.entries.flatMap((entry) => entry.attachments);
  for (const attachment of all.filter((a) => a.screen)) renderPhoto(attachment, path.join(attachmentsFolder, attachment.file));
  return speakRecordings(day, all.filter((a) => a.transcript), attachmentsFolder, work);
}
