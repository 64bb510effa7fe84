/** The gold days: what a person would write for each moment of a day (see days/*.json). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface GoldScreen {
  /** dark terminal, light web page, whiteboard photo or a board of sticky notes in columns */
  theme: "dark" | "light" | "whiteboard" | "board";
  /** Rows of cells; cells of a row are laid out in columns, as on a real screen. */
  rows?: string[][];
  /** board: column headings and the notes under each. */
  columns?: string[];
  notes?: string[][];
}

export interface GoldAttachment {
  /** File name; its leading yyyyMMdd_HHmmss is the capture time. */
  file: string;
  /** Known words of a recording: the stand-in whisper-cli answers with them. */
  transcript?: string;
  /** What a photo shows. */
  screen?: GoldScreen;
  /** Taken with a phone camera (EXIF make and model). */
  camera?: boolean;
}

export interface GoldMetric {
  key: string;
  value: number;
  unit: string;
  meaning: string;
  /** Other values a careful reader would also accept (e.g. the highest of several CPUs). */
  alternatives?: number[];
  /** Supported by the text but not required: counted right when present, never missed. */
  optional?: boolean;
}

export interface GoldDeployment {
  environment: string;
  outcome: string;
}

export interface GoldEntry {
  time: string;
  title: string;
  area: string;
  attachments: GoldAttachment[];
  /** Topics the moment names (by name or alias): each must be linked. */
  links: string[];
  /** The main topic link(s) a person closes the entry with. */
  closing: string[];
  metrics: GoldMetric[];
  emotion: "positive" | "negative" | "neutral";
  deployments?: GoldDeployment[];
  type?: "deployment" | "retrospective";
  /** Facts the description or key points must state (not only the raw transcript or OCR). */
  facts: string[];
}

export interface GoldDay {
  id: string;
  source: string;
  date: string;
  language: "es" | "en";
  topics: { name: string; aliases: string[] }[];
  entries: GoldEntry[];
}

export function loadGoldDays(root: string): GoldDay[] {
  const folder = path.join(root, "eval/entries/days");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(folder, name), "utf8")) as GoldDay);
}
