import { buildNoteIndex } from "../../../src/core/enrich/links";
import { DEFAULT_ENRICH_SETTINGS, enrichEntry } from "../../../src/core/enrich/enrich";
import type { LogEntry } from "../../../src/core/log/entry";
import { seedEntries } from "./seed-log";

const notes = buildNoteIndex([
  { name: "whisper_ai", aliases: ["whisper"] },
  { name: "emotion_detection", aliases: ["emotion-detector", "detección de emociones"] },
  { name: "deployment_automation", aliases: ["deployment", "despliegue"] },
  { name: "2025-07-30" },
]);

const seed = seedEntries();
const stripLinks = (text: string) => text.replace(/\[\[([^\]|]+\|)?([^\]]+)\]\]/g, "$2");

function deployEntry(overrides: Partial<LogEntry> = {}): LogEntry {
  return {
    attachment: "Adjuntos/deployment_discussion.wav",
    kind: "audio",
    date: "2025-07-30T15:30",
    title: "deployment_discussion.wav",
    status: "Processed",
    area: "",
    fields: {},
    topics: [],
    findings: {
      kind: "audio",
      audio: { transcript: stripLinks(seed[2].transcripts[0]) },
      emotion: { label: "satisfacción", confidence: 0.8, source: "voice" },
    },
    ...overrides,
  };
}

describe("enrichEntry on seed 000's staging deploy recording", () => {
  const result = enrichEntry(deployEntry(), { notes, titlePlaceholders: ["deployment_discussion.wav"], excludeNotes: ["2025-07-30"] });

  test("title, area and topics", () => {
    expect(result.entry.title).toBe("Deployment se completó sin errores");
    expect(result.entry.area).toBe("DevOps");
    expect(result.entry.topics[0]).toBe("deployment_automation");
    expect(result.entry.topics).toContain("whisper_ai");
  });

  test("the transcript gets links to existing notes only", () => {
    expect(result.linkedTranscript).toContain("[[deployment_automation|deployment]]");
    expect(result.linkedTranscript).toContain("[[whisper_ai]]");
    expect(result.entry.findings?.audio?.transcript).toBe(result.linkedTranscript);
  });

  test("enriching twice is stable (existing links are not linked again)", () => {
    const again = enrichEntry(result.entry, { notes, previousTitleSuggestion: result.suggestedTitle, excludeNotes: ["2025-07-30"] });
    expect(again.entry).toEqual(result.entry);
  });

  test("metrics, activity and emotion become entry fields", () => {
    expect(result.entry.fields).toMatchObject({
      latency_ms: "180",
      concurrent_requests: "500",
      type: "deployment",
      outcome: "success",
      emotion: "satisfacción",
    });
  });
});

describe("what the user set is kept", () => {
  test("a user title, a locked area and user fields survive re-enrichment", () => {
    const entry = deployEntry({ title: "Mi deploy", area: "Quality Assurance", fields: { latency_ms: "175", owner: "ana" } });
    const result = enrichEntry(entry, { notes, previousTitleSuggestion: "Deployment se completó sin errores", areaLocked: true });
    expect(result.entry.title).toBe("Mi deploy");
    expect(result.entry.area).toBe("Quality Assurance");
    expect(result.entry.fields.latency_ms).toBe("175");
    expect(result.entry.fields.owner).toBe("ana");
    expect(result.suggestedTitle).toBe("Deployment se completó sin errores");
  });

  test("an entry links to notes that exist, its own links first, at most three", () => {
    // (No deployment in title or words, so no activity topic either.)
    const transcript = "Probamos whisper y el kubernetes_cluster con detección de emociones.";
    const entry = deployEntry({ title: "", topics: ["mi_tema"], findings: { kind: "audio", audio: { transcript } } });
    expect(enrichEntry(entry, { notes }).entry.topics).toEqual(["mi_tema", "whisper_ai", "emotion_detection"]);
    const four = enrichEntry({ ...entry, topics: ["a", "b"] }, { notes }).entry.topics;
    expect(four).toEqual(["a", "b", "whisper_ai"]);
  });

  test("closing links: the note named after the activity first, then loose mentions of an alias", () => {
    const index = buildNoteIndex([
      { name: "deployment_automation" },
      { name: "production_deployments", aliases: ["despliegue a producción"] },
      { name: "grafana", aliases: ["Grafana"] },
    ]);
    const deploy = deployEntry({ title: "", findings: { kind: "audio", audio: { transcript: "El deployment se completó sin errores en staging." } } });
    expect(enrichEntry(deploy, { notes: index }).entry.topics).toEqual(["deployment_automation", "production_deployments"]);
    const plan = deployEntry({ title: "", findings: { kind: "audio", audio: { transcript: "Esta tarde subimos el despliegue nuevo a producción. Antes revisamos Grafana." } } });
    expect(enrichEntry(plan, { notes: index }).entry.topics).toEqual(["grafana", "production_deployments"]);
  });

  test("an English photo description gets an English title", () => {
    const entry = deployEntry({
      kind: "image",
      attachment: "rollback.jpg",
      title: "",
      findings: { kind: "image", image: { description: "Rollback of the production release after the error rate spiked to 12%." } },
    });
    const result = enrichEntry(entry, { notes });
    expect(result.entry.title).toBe("Rollback of the production release");
    expect(result.entry.fields).toMatchObject({ type: "deployment", environment: "production", outcome: "rollback", error_rate_pct: "12" });
  });
});
