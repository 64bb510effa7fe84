import { describePhoto } from "../../../src/core/photo/describe-photo";
import { kindOfScreen, readScreen, trainingTitle } from "../../../src/core/photo/screen";
import { extractTextFacts } from "../../../src/core/photo/text-facts";

describe("what a screen is about, from its rows", () => {
  test("a pytest run: counts, time and coverage, titled by its result", () => {
    const rows = ["$ pytest tests/ --cov=app", "tests/test_audio_cache.py ........ [ 17%]", "TOTAL 1843 0 100%", "===== 47 passed in 2.51s ====="];
    expect(readScreen(rows, "es")).toEqual({
      kind: "test-report",
      summary: "Informe de tests de pytest",
      facts: ["47 tests pasando", "duración 2.51 s", "cobertura 100%"],
      title: "Resultado de pytest: 47 tests pasando",
    });
  });

  test("a Cypress table: totals and the failing spec", () => {
    const rows = ["Cypress run - GitHub Actions #128", "Spec Tests Passing Failing", "login.cy.ts 4 4 0", "campaign_creation.cy.ts 5 3 2", "dashboard.cy.ts 5 5 0"];
    expect(readScreen(rows, "en")).toMatchObject({ facts: ["12 of 14 tests passing", "failing: campaign_creation.cy.ts (2)"], title: "Cypress results: 12 of 14 tests passing" });
  });

  test("a deploy log whose point is the rollback", () => {
    const rows = ["$ ./deploy.sh --env=production --rollback-on-failure=true", "Deploying hotel-audio-api:1.0.0 to production", "Health check audio: FAILED (timeout 30s)", "ROLLBACK: restoring hotel-audio-api:0.9.3"];
    const screen = readScreen(rows, "es")!;
    expect(screen.title).toBe("Rollback del despliegue a producción");
    expect(describePhoto({ language: "es", kind: "terminal", facts: extractTextFacts(rows), screen })).toBe(
      "Log de despliegue a producción. Se lee: despliegue de hotel-audio-api:1.0.0 a producción; Health check audio: FAILED (timeout 30s); rollback a hotel-audio-api:0.9.3.",
    );
  });

  test("Kubernetes pods with replicas and state; the namespace is the environment", () => {
    const rows = ["Kubernetes Dashboard Namespace: staging", "Service Replicas Status", "whisper-api 2/2 Running", "audio-processor 1/1 Running", "Deployment successful - All systems operational"];
    expect(readScreen(rows, "es")).toEqual({
      kind: "kubernetes",
      summary: "Dashboard de Kubernetes (namespace staging) con 2 servicios: whisper-api (Running, 2/2 réplicas), audio-processor (Running, 1/1 réplicas)",
      facts: ["Deployment successful - All systems operational"],
      title: "Despliegue en staging",
    });
  });

  test("pods written state first, and label–value pairs read on one row", () => {
    const rows = ["Kubernetes - staging", "whisper-api Running 2 réplicas", "audio-processor Running 1 réplica", "CPU usage: 45% Latencia p95: 180 ms", "Health Check: PASSING"];
    expect(readScreen(rows, "en")).toEqual({
      kind: "kubernetes",
      summary: "Kubernetes dashboard with 2 services: whisper-api (Running, 2 réplicas), audio-processor (Running, 1 réplica)",
      facts: ["CPU usage 45%", "Latencia p95 180 ms", "Health Check: PASSING"],
      title: "Pods in staging",
    });
  });

  test("a monitoring dashboard keeps labels with their values and table rows with their column", () => {
    expect(readScreen(["Grafana - Audio Production", "audio cache hit rate 92.4 %", "P95 latency 300 ms"], "en")).toMatchObject({
      facts: ["audio cache hit rate 92.4 %", "P95 latency 300 ms"],
      title: "Grafana monitoring",
    });
    expect(readScreen(["Grafana - Load test", "Service CPU", "whisper-api 78%", "database 45%"], "es")?.facts).toEqual(["whisper-api CPU 78%", "database CPU 45%"]);
  });

  test("a retro board by its columns; a training log by epochs and loss; plain text is no screen", () => {
    expect(readScreen(["What went well What didn't go well Action items", "Whisper integration Automate testing"], "es")).toMatchObject({
      summary: "Tablero de retrospectiva con las columnas «What went well», «What didn't go well» y «Action items»",
      title: "Tablero de retrospectiva",
    });
    expect(trainingTitle(["Epoch loss accuracy", "1/100 0.234 85.3%"], "en")).toBe("Model training review");
    expect(readScreen(["Mañana iré a la montaña"], "es")).toBeUndefined();
  });
});

test("the picture's kind follows its screen: a web console is not a terminal", () => {
  const console = readScreen(["Deploy workflow - deploy.yml", "Deploy to production succeeded"], "en");
  expect(kindOfScreen(console, "terminal")).toBe("terminal");
  expect(kindOfScreen(console, "document")).toBe("screenshot");
  expect(kindOfScreen(readScreen(["Kubernetes", "api 2/2 Running"], "en"), "screenshot")).toBe("dashboard");
  expect(kindOfScreen(undefined, "photo")).toBe("photo");
});
