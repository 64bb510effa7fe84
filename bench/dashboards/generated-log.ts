/**
 * The generated log both dashboard benches use: daily notes in the user's format, written by the
 * real log writer (renderEntry), with a seeded random so every run builds the same vault.
 */
import type { LogEntry } from "../../src/core/log/entry";
import { labelsFor } from "../../src/core/log/labels";
import { renderEntry } from "../../src/core/log/render-entry";

export const labels = labelsFor("es");

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

const AREAS = ["Technical", "Data Collection", "DevOps", "Team Management", "Quality Assurance"];
const STATUSES: LogEntry["status"][] = ["Processed", "Processed", "Processed", "In Progress", "Not Processed", "Error"];
const EMOTIONS = ["satisfacción", "frustración", "calma", "entusiasmo", "cansancio"];

export function makeEntry(day: string, k: number): LogEntry {
  const area = pick(AREAS);
  const status = pick(STATUSES);
  const fields: Record<string, string> = { emotion: pick(EMOTIONS), latency_ms: String(100 + Math.floor(random() * 200)) };
  if (area === "DevOps" && random() < 0.5) Object.assign(fields, { type: "deployment", environment: pick(["staging", "production"]), outcome: pick(["success", "success", "failure", "rollback"]), services: "whisper-api, emotion-detector", uptime_pct: "99.9" });
  if (area === "Team Management" && random() < 0.2) fields.type = "retrospective";
  if (area === "Quality Assurance") fields.concurrent_users = String(500 + Math.floor(random() * 1500));
  const time = `${String(8 + k).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}`;
  return {
    attachment: `Adjuntos/${day}/nota-${k}.m4a`, kind: "audio", date: `${day}T${time}`, title: `Entrada ${k} de ${area}`,
    status, error: status === "Error" ? "Modelo no encontrado" : undefined, area, fields, topics: ["whisper_ai"],
    findings: { kind: "audio", audio: { transcript: `La latencia promedio es de ${fields.latency_ms}ms; seguimos con ${area}.`, durationSec: 42 } },
  };
}

export const note = (day: string, entries: LogEntry[]) => `${labels.logHeading(day)}\n\n${entries.map((e) => renderEntry(e, labels)).join("\n")}`;

