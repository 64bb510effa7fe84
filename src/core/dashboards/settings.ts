/** Dashboard settings and the few words they print, in the log's language. */
import type { DashboardIndex } from "./dashboard-index";

export interface DashboardSettings {
  /** Sprint length in days (14 = two-week sprints). */
  sprintLengthDays: number;
  /** First day of sprint 1, "yyyy-MM-dd"; every sprint starts a multiple of the length from it. */
  sprintFirstDay: string;
  /** Vault folder of the day logs, for Dataview `FROM`; "" means the whole vault. */
  logFolder: string;
  /** Past sprints shown besides the current one. */
  pastSprints: number;
  /** Rows in lists (backlog, retrospectives, deployments). */
  listLimit: number;
  /** Metric fields charted over time, in order of preference. */
  metricKeys: string[];
  language: "es" | "en";
}

/** Renders one dashboard's generated section; `headingForLink` turns a log heading into its link target. */
export type RenderSection = (index: DashboardIndex, settings: DashboardSettings, headingForLink?: (heading: string) => string) => string;

export const DEFAULT_DASHBOARD_SETTINGS: DashboardSettings = {
  sprintLengthDays: 14,
  sprintFirstDay: "2025-01-06",
  logFolder: "Log",
  pastSprints: 5,
  listLimit: 25,
  metricKeys: ["latency_ms", "latency_p95_ms", "accuracy_pct", "uptime_pct", "concurrent_users", "tests_passed"],
  language: "es",
};

export interface DashboardLabels {
  sprint: string;
  dates: string;
  entries: string;
  entry: string;
  area: string;
  status: string;
  day: string;
  date: string;
  emotion: string;
  backlog: string;
  activity: string;
  mood: string;
  metrics: string;
  retros: string;
  overview: string;
  byArea: string;
  current: string;
  none: string;
  live: string;
  deployments: string;
  environment: string;
  outcome: string;
  services: string;
  timeline: string;
  updated: string;
  error: string;
}

/** Each word in both languages side by side, so neither can miss one. */
const WORDS: Record<keyof DashboardLabels, { es: string; en: string }> = {
  sprint: { es: "Sprint", en: "Sprint" },
  dates: { es: "Fechas", en: "Dates" },
  entries: { es: "Entradas", en: "Entries" },
  entry: { es: "Entrada", en: "Entry" },
  area: { es: "Área", en: "Area" },
  status: { es: "Estado", en: "Status" },
  day: { es: "Día", en: "Day" },
  date: { es: "Fecha", en: "Date" },
  emotion: { es: "Emoción", en: "Emotion" },
  backlog: { es: "Pendientes (Not Processed / Error)", en: "Backlog (Not Processed / Error)" },
  activity: { es: "Actividad diaria", en: "Daily activity" },
  mood: { es: "Estado de ánimo", en: "Mood" },
  metrics: { es: "Métricas por sprint", en: "Metrics by sprint" },
  retros: { es: "Retrospectivas", en: "Retrospectives" },
  overview: { es: "Sprints", en: "Sprints" },
  byArea: { es: "Por área", en: "By area" },
  current: { es: "actual", en: "current" },
  none: { es: "Sin entradas.", en: "No entries." },
  live: { es: "Vista en vivo (Dataview)", en: "Live view (Dataview)" },
  deployments: { es: "Despliegues", en: "Deployments" },
  environment: { es: "Entorno", en: "Environment" },
  outcome: { es: "Resultado", en: "Outcome" },
  services: { es: "Servicios", en: "Services" },
  timeline: { es: "Línea de tiempo", en: "Timeline" },
  updated: { es: "Actualizado", en: "Updated" },
  error: { es: "Error", en: "Error" },
};

const labelsIn = (language: "es" | "en") =>
  Object.fromEntries((Object.keys(WORDS) as (keyof DashboardLabels)[]).map((key) => [key, WORDS[key][language]])) as Record<keyof DashboardLabels, string>;

const LABELS = { es: labelsIn("es"), en: labelsIn("en") };

export function dashboardLabels(language: "es" | "en"): DashboardLabels {
  return language === "en" ? LABELS.en : LABELS.es;
}
