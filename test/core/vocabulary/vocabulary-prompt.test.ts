import { promptTokenBound } from "../../../src/core/vocabulary/prompt-tokens";
import { vocabularyPrompt, type RecentEntry, type TopicCandidate } from "../../../src/core/vocabulary/vocabulary-prompt";

const topic = (name: string, path?: string, aliases: string[] = []): TopicCandidate => ({ name, aliases, path });
const entry = (title: string, date: string, links: string[] = []): RecentEntry => ({ title, date, links });
const prompt = (topics: TopicCandidate[], recent: RecentEntry[] = [], language = "es", budgetTokens?: number) =>
  vocabularyPrompt({ topics, recent, recordingPath: "Proyectos/Kappa/grabación.webm", language, budgetTokens });

test.each<[string, TopicCandidate[], RecentEntry[], string | undefined]>([
  ["nothing to say: no prompt", [], [], undefined],
  ["topic names with their aliases, underscores as spaces", [topic("Load_balancer", undefined, ["LB", "balanceador"])], [], "Temas: Load balancer, LB, balanceador."],
  ["a topic beside the recording comes first", [topic("Grafana", "Notas/Grafana.md"), topic("Kappa", "Proyectos/Kappa/Kappa.md")], [], "Temas: Kappa, Grafana."],
  [
    "recently linked topics next, latest link first",
    [topic("Alpha"), topic("Redis"), topic("Kafka")],
    [entry("Caída de colas", "2025-07-29T10:00", ["Kafka"]), entry("Caché", "2025-07-30T09:00", ["redis"])],
    "Temas: Redis, Kafka, Alpha. Entradas recientes: Caché. Caída de colas.",
  ],
  ["a link to an alias counts for its note", [topic("Alpha"), topic("Kubernetes", undefined, ["k8s"])], [entry("Nodos", "2025-07-30T08:00", ["k8s"])], "Temas: Kubernetes, k8s, Alpha. Entradas recientes: Nodos."],
  ["the same words twice (any case) go in once", [topic("Grafana"), topic("grafana", undefined, ["GRAFANA"])], [], "Temas: Grafana."],
  ["recent titles lose their final stop, newest first", [], [entry("Uno.", "2025-07-28T08:00"), entry("Dos!", "2025-07-30T08:00")], "Entradas recientes: Dos. Uno."],
  ["a term longer than 80 characters is left out", [topic("x".repeat(81)), topic("Grafana")], [], "Temas: Grafana."],
])("%s", (_name, topics, recent, expected) => {
  expect(prompt(topics, recent)).toBe(expected);
});

test.each([
  ["es", "Temas: Grafana. Entradas recientes: Latencia."],
  ["en", "Topics: Grafana. Recent entries: Latencia."],
  // No labels in a language Bitácora has no words for: the lists alone.
  ["de", "Grafana. Latencia."],
])("phrased in the recording's language: %s", (language, expected) => {
  expect(prompt([topic("Grafana")], [entry("Latencia", "2025-07-30T08:00")], language)).toBe(expected);
});

describe("the token budget", () => {
  const many = Array.from({ length: 400 }, (_, i) => topic(`Servicio${i}`));

  test("never exceeded; the most relevant terms are the ones kept", () => {
    const text = prompt(many, [entry("Migración de la base de datos", "2025-07-30T08:00", ["Servicio399"])])!;
    expect(promptTokenBound(text)).toBeLessThanOrEqual(224);
    expect(text.startsWith("Temas: Servicio399, Servicio0, Servicio1,")).toBe(true);
    expect(text).toContain("Entradas recientes: Migración de la base de datos.");
    expect(text).not.toContain("Servicio398");
  });

  test("a candidate that does not fit leaves room for shorter, less relevant ones", () => {
    const text = prompt([topic("Alfa"), topic("Una nota con un nombre bastante largo"), topic("Beta")], [], "es", 12)!;
    expect(text).toBe("Temas: Alfa, Beta.");
    expect(promptTokenBound(text)).toBeLessThanOrEqual(12);
  });

  test("a budget too small for anything gives no prompt", () => {
    expect(prompt([topic("Grafana")], [], "es", 2)).toBeUndefined();
  });
});
