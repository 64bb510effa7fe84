/** Area classification from text, folder and configurable keyword rules. */
import { fold, isWordChar } from "./text";

export interface AreaDefinition {
  name: string;
  /** Words or phrases (any case/accents); a trailing `*` matches any ending ("despleg*"). */
  keywords: string[];
}

/** A user rule: when `keyword` appears, add `weight` to `area` (default 3: stronger than built-ins). */
export interface KeywordRule {
  keyword: string;
  area: string;
  weight?: number;
}

/** Attachments under `folder` (vault path prefix) belong to `area`. */
export interface FolderRule {
  folder: string;
  area: string;
}

export interface AreaSettings {
  areas: AreaDefinition[];
  defaultArea: string;
  keywordRules: KeywordRule[];
  folderRules: FolderRule[];
  /** Minimum winning score; below it the default area is used. */
  minScore: number;
  /** The winner must beat the runner-up by this much, else the default area is used. */
  minMargin: number;
}

export const DEFAULT_AREAS: AreaDefinition[] = [
  {
    name: "Technical",
    keywords: [
      "modelo", "model", "entrenamiento", "training", "epoch*", "accuracy", "precisión", "loss", "inferencia",
      "inference", "optimiza*", "optimiz*", "algoritmo", "algorithm", "código", "code", "refactor*", "api",
      "arquitectura", "architecture", "gpu", "cache", "caché", "bug", "implementa*", "implement*", "feature",
      "función", "function", "librería", "library", "compil*", "memoria", "memory", "benchmark*", "rendimiento",
      "performance", "embedding*", "fine-tun*", "whisper", "transcripción", "transcription", "parser",
    ],
  },
  {
    name: "Data Collection",
    keywords: [
      "muestras", "samples", "grabamos", "grabación", "grabaciones", "recording session", "recorded", "dataset*",
      "datos", "data collection", "voluntarios", "volunteers", "participantes", "participants", "cabina", "booth",
      "micrófono", "microphone", "acentos", "accents", "anota*", "annotat*", "etiqueta*", "label*", "corpus",
      "encuesta*", "survey*", "entrevista*", "interview*", "recolección", "collect*", "audios", "grabar", "grabando",
      "consentimiento", "consent",
    ],
  },
  {
    name: "DevOps",
    keywords: [
      "deploy*", "despliegue", "desplegamos", "desplegar", "staging", "producción", "production", "kubernetes",
      "k8s", "kubectl", "pod", "pods", "reinici*", "restart*", "docker", "contenedor*", "container*", "cluster", "réplica*", "replica*",
      "rollback", "pipeline", "ci/cd", "github actions", "nginx", "servidor", "server", "uptime", "auto-scaling",
      "autoscaling", "helm", "terraform", "infraestructura", "infrastructure", "prometheus", "grafana", "alertas",
      "alerts", "health check*", "release", "redis", "migración", "migration",
    ],
  },
  {
    name: "Team Management",
    keywords: [
      "retrospectiva", "retrospective", "retro", "reunión", "meeting", "sprint", "scrum", "standup", "stand-up",
      "daily", "equipo", "team", "planeación", "planning", "planificación", "backlog", "roadmap", "1:1",
      "one-on-one", "contratación", "hiring", "onboarding", "product manager", "pm", "prioridades", "priorities",
      "inversores", "investors", "demo", "presupuesto", "budget", "sticky notes", "action items", "colaboración",
    ],
  },
  {
    name: "Quality Assurance",
    keywords: [
      "pruebas", "prueba", "test", "tests", "testing", "qa", "stress", "carga", "load test*", "estrés",
      "regresión", "regression", "cobertura", "coverage", "flaky", "bug report", "sla", "usuarios concurrentes",
      "concurrent users", "e2e", "end-to-end", "cypress", "pytest", "jest", "validación", "validation",
      "degradación", "degradation", "response time", "smoke test*", "casos de prueba", "test cases",
    ],
  },
];

export const DEFAULT_AREA_SETTINGS: AreaSettings = {
  areas: DEFAULT_AREAS,
  defaultArea: "Technical",
  keywordRules: [],
  folderRules: [],
  minScore: 1,
  minMargin: 0.5,
};

export interface AreaInput {
  text: string;
  /** Vault path of the attachment (its folder is matched against folder rules and area names). */
  path?: string;
  /** What the entry records (see activity.ts): a retrospective is a team meeting, a deployment is operations work. */
  activity?: string;
}

// The keyword that names each activity; the area listing it gets the activity's weight.
const ACTIVITY_KEYWORD: Record<string, string> = { retrospective: "retrospective", deployment: "deploy*" };
const ACTIVITY_WEIGHT = 4;

export interface AreaDecision {
  area: string;
  /** True when the default area was used because no area won clearly. */
  fallback: boolean;
  scores: Record<string, number>;
}

interface CompiledKeyword {
  folded: string;
  prefix: boolean;
  area: string;
  weight: number;
}

function compile(keyword: string, area: string, weight: number): CompiledKeyword {
  const prefix = keyword.endsWith("*");
  return { folded: fold(prefix ? keyword.slice(0, -1) : keyword).trim(), prefix, area, weight };
}

/** Counts whole-word (or prefix, for `word*`) occurrences of a folded keyword in folded text. */
function countMatches(foldedText: string, keyword: CompiledKeyword): number {
  if (!keyword.folded) return 0;
  let count = 0;
  for (let at = foldedText.indexOf(keyword.folded); at >= 0; at = foldedText.indexOf(keyword.folded, at + 1)) {
    const before = foldedText[at - 1];
    const after = foldedText[at + keyword.folded.length];
    if (!isWordChar(before) && (keyword.prefix || !isWordChar(after))) count++;
  }
  return count;
}

const compiledCache = new WeakMap<AreaSettings, CompiledKeyword[]>();

function keywordsOf(settings: AreaSettings): CompiledKeyword[] {
  let compiled = compiledCache.get(settings);
  if (!compiled) {
    compiled = [
      ...settings.areas.flatMap((a) => a.keywords.map((k) => compile(k, a.name, 1))),
      ...settings.keywordRules.map((r) => compile(r.keyword, r.area, r.weight ?? 3)),
    ];
    compiledCache.set(settings, compiled);
  }
  return compiled;
}

function folderArea(path: string | undefined, settings: AreaSettings): string | undefined {
  if (!path) return undefined;
  const foldedPath = fold(path);
  const rule = settings.folderRules
    .filter((r) => foldedPath.startsWith(fold(r.folder).replace(/\/?$/, "/")))
    .sort((a, b) => b.folder.length - a.folder.length)[0];
  if (rule) return rule.area;
  // A folder named like an area ("DevOps/", "data-collection/") also counts.
  const folders = foldedPath.split("/").slice(0, -1).map((f) => f.replace(/[-_]/g, " "));
  return settings.areas.find((a) => folders.includes(fold(a.name)))?.name;
}

/** Picks the configured area that the text (and folder) point to, or the default area when unsure. */
export function classifyArea(input: AreaInput, settings: AreaSettings = DEFAULT_AREA_SETTINGS): AreaDecision {
  const scores: Record<string, number> = {};
  for (const area of settings.areas) scores[area.name] = 0;
  const foldedText = fold(input.text);
  for (const keyword of keywordsOf(settings)) {
    const matches = countMatches(foldedText, keyword);
    // Repeats add less than new words: one text full of "test" should not drown other evidence.
    if (matches > 0) scores[keyword.area] = (scores[keyword.area] ?? 0) + keyword.weight * (1 + Math.log2(matches));
  }
  const activityKeyword = input.activity ? ACTIVITY_KEYWORD[input.activity] : undefined;
  const byActivity = activityKeyword && settings.areas.find((a) => a.keywords.includes(activityKeyword))?.name;
  if (byActivity) scores[byActivity] = (scores[byActivity] ?? 0) + ACTIVITY_WEIGHT;
  const byFolder = folderArea(input.path, settings);
  if (byFolder) scores[byFolder] = (scores[byFolder] ?? 0) + 5;
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  const clear = best && best[1] >= settings.minScore && best[1] - (second?.[1] ?? 0) >= settings.minMargin;
  return clear ? { area: best[0], fallback: false, scores } : { area: settings.defaultArea, fallback: true, scores };
}
