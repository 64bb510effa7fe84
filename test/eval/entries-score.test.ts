import { dashboardCounts, scoreMoment, tokenF1, writtenEntries } from "../../eval/entries/score";
import type { GoldEntry } from "../../eval/entries/gold";

const log = `# Log - 2025-10-15

## 14:12 Rollback del despliegue a producción
- [status:: Processed] [area:: DevOps] [date:: 2025-10-15T14:12] [attachment:: [[Attachments/deploy_log.png]]] [type:: deployment] [environment:: production] [outcome:: rollback] [latency_ms:: 300] [cpu_pct:: 9]

**Foto: deploy_log.png**
![[Attachments/deploy_log.png]]
*Descripción de la imagen: Log de despliegue: rollback a hotel-audio-api:0.9.3.*

> [!note]- Texto reconocido
> Health check audio: FAILED

[[production_deployments]] [[grafana]]
%% bitacora 00000000 %%
`;

const gold: GoldEntry = {
  time: "14:12",
  title: "Rollback del despliegue a producción",
  area: "DevOps",
  attachments: [{ file: "deploy_log.png" }],
  links: [],
  closing: ["production_deployments"],
  metrics: [{ key: "latency_ms", value: 300, unit: "ms", meaning: "p95" }],
  emotion: "negative",
  deployments: [{ environment: "production", outcome: "rollback" }],
  type: "deployment",
  facts: ["0.9.3", "FAILED"],
};

describe("entries evaluation scorer", () => {
  it("token F1 ignores case and accents", () => {
    expect(tokenF1("Rollback del despliegue a PRODUCCION", "rollback del despliegue a producción")).toBe(1);
    expect(tokenF1("Deploy", "Rollback del despliegue")).toBe(0);
  });

  it("scores a moment read through the project's log parser", () => {
    const score = scoreMoment(gold, writtenEntries(log));
    expect(score.entries).toBe(1);
    expect(score.title.f1).toBe(1);
    expect(score.area).toMatchObject({ correct: 1, total: 1 });
    expect(score.links).toMatchObject({ found: ["production_deployments"], wrong: ["grafana"], closingFound: ["production_deployments"] });
    expect(score.metrics).toEqual({ correct: ["latency_ms=300"], wrong: ["cpu_pct=9"], missed: [] });
    expect(score.deployments.exact).toBe(true);
    expect(score.type.exact).toBe(true);
    expect(score.emotion.predicted).toBe("neutral");
    // The OCR callout is not prose a reader reads: "FAILED" only there does not count.
    expect(score.facts.missing).toEqual(["FAILED"]);
  });

  it("reads the Deployments summary table and the Sprint retrospective list", () => {
    const deployments = "## Despliegues (2)\n\n| Entorno | Despliegues | success | failure | rollback | — |\n| --- | --- | --- | --- | --- | --- |\n| production | 1 | 0 | 0 | 1 | 0 |\n| staging | 1 | 1 | 0 | 0 | 0 |\n";
    const sprint = "## Retrospectivas\n\n- [[Logs/2025-10-15#17 30 Retro|17:30 Retro]] (2025-10-15)\n";
    expect(dashboardCounts(deployments, sprint)).toEqual({ deployments: { production: { rollback: 1 }, staging: { success: 1 } }, retrospectives: 1 });
  });
});
