/** Seed 000 (the log the plugin must produce), split into its five entries for table tests. */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const SEEDS = path.resolve(__dirname, "../../../../shared/seeds");

export interface SeedEntry {
  time: string;
  title: string;
  status: string;
  area: string;
  date: string;
  /** Everything after the field lines. */
  body: string;
  descriptions: string[];
  transcripts: string[];
}

export function readSeed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} not found in ${SEEDS}`);
  return readFileSync(path.join(SEEDS, name), "utf8");
}

export function seedEntries(): SeedEntry[] {
  return readSeed("000_").split(/\n---\n/).map((chunk) => {
    const lines = chunk.trim().split("\n");
    const start = lines.findIndex((l) => /^\d\d:\d\d /.test(l));
    const field = (key: string) => lines.find((l) => l.startsWith(`${key}:: `))?.slice(key.length + 3).trim() ?? "";
    const body = lines.slice(start + 4).join("\n");
    const grab = (label: string) => [...body.matchAll(new RegExp(`\\*${label}: ([^\\n]*)\\*`, "g"))].map((m) => m[1]);
    return {
      time: lines[start].slice(0, 5),
      title: lines[start].slice(6),
      status: field("status"),
      area: field("area"),
      date: field("date"),
      body,
      descriptions: grab("Descripción de la imagen"),
      transcripts: grab("Contenido del audio"),
    };
  });
}
