/** Dashboard settings and the few words they print, in the log's language. */

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

const ES: DashboardLabels = {
  sprint: "Sprint", dates: "Fechas", entries: "Entradas", entry: "Entrada", area: "Área", status: "Estado",
  day: "Día", date: "Fecha", emotion: "Emoción", backlog: "Pendientes (Not Processed / Error)",
  activity: "Actividad diaria", mood: "Estado de ánimo", metrics: "Métricas por sprint", retros: "Retrospectivas",
  overview: "Sprints", byArea: "Por área", current: "actual", none: "Sin entradas.", live: "Vista en vivo (Dataview)",
  deployments: "Despliegues", environment: "Entorno", outcome: "Resultado", services: "Servicios",
  timeline: "Línea de tiempo", updated: "Actualizado", error: "Error",
};

const EN: DashboardLabels = {
  sprint: "Sprint", dates: "Dates", entries: "Entries", entry: "Entry", area: "Area", status: "Status",
  day: "Day", date: "Date", emotion: "Emotion", backlog: "Backlog (Not Processed / Error)",
  activity: "Daily activity", mood: "Mood", metrics: "Metrics by sprint", retros: "Retrospectives",
  overview: "Sprints", byArea: "By area", current: "current", none: "No entries.", live: "Live view (Dataview)",
  deployments: "Deployments", environment: "Environment", outcome: "Outcome", services: "Services",
  timeline: "Timeline", updated: "Updated", error: "Error",
};

export function dashboardLabels(language: "es" | "en"): DashboardLabels {
  return language === "en" ? EN : ES;
}
