import { extractMetricFields } from "../../../src/core/enrich/metrics";
import { findTables, groupRows, labelTableRows } from "../../../src/core/photo/layout";
import type { OcrLine } from "../../../src/core/photo/ocr-lines";

const box = (text: string, x0: number, y0: number, x1: number, y1: number): OcrLine => ({ text, confidence: 0.9, box: { x0, y0, x1, y1 } });

describe("OCR layout from boxes", () => {
  test("a label and its value read as separate blocks become one line, rows in reading order", () => {
    const rows = groupRows([
      box("92.4 %", 900, 102, 1000, 128),
      box("P95 latency", 60, 150, 220, 176),
      box("audio cache hit rate", 60, 100, 330, 126),
      box("300 ms", 900, 149, 990, 177),
      box("Grafana - Audio Production", 60, 40, 420, 66),
    ]);
    expect(rows.map((r) => r.text)).toEqual(["Grafana - Audio Production", "audio cache hit rate 92.4 %", "P95 latency 300 ms"]);
    expect(rows[1].box).toEqual({ x0: 60, y0: 100, x1: 1000, y1: 128 });
  });

  test("a column the engine read as its own block rejoins its rows", () => {
    const rows = groupRows([
      box("whisper-api 2/2", 60, 100, 400, 124),
      box("emotion-detector 3/3", 60, 146, 420, 170),
      box("Running", 700, 101, 800, 125),
      box("Running", 700, 147, 800, 171),
    ]);
    expect(rows.map((r) => r.text)).toEqual(["whisper-api 2/2 Running", "emotion-detector 3/3 Running"]);
  });

  test("table rows are labelled by their header; a test report gets its totals", () => {
    expect(labelTableRows(["$ python train.py", "Epoch loss accuracy", "1/100 0.234 85.3%", "100/100 0.043 89.4%", "Training time: 4h 23m"])).toEqual([
      "$ python train.py",
      "Epoch loss accuracy",
      "Epoch 1/100, loss 0.234, accuracy 85.3%",
      "Epoch 100/100, loss 0.043, accuracy 89.4%",
      "Training time: 4h 23m",
    ]);
    const report = labelTableRows(["Spec Tests Passing Failing", "login.cy.ts 4 4 0", "campaign_creation.cy.ts 5 3 2", "dashboard.cy.ts 5 5 0"]);
    expect(report).toContain("Spec campaign_creation.cy.ts, Tests 5, Passing 3, Failing 2");
    expect(report[report.length - 1]).toBe("12/14 tests passing");
    expect(findTables(["Service CPU", "whisper-api 78%", "database 45%", "done"])).toEqual([{ header: ["Service", "CPU"], rows: [["whisper-api", "78%"], ["database", "45%"]] }]);
  });

  test("lines that are not a table are left as they are", () => {
    const lines = ["Deployment successful - All systems operational", "Health Check: PASSING"];
    expect(labelTableRows(lines)).toEqual(lines);
  });
});

test("labelled rows keep their figures for the metric rules", () => {
  const text = labelTableRows(["Epoch loss accuracy", "1/100 0.234 85.3%", "100/100 0.043 89.4%", "Service Replicas Status", "whisper-api 2/2 Running", "audio-processor 1/1 Running"]).join("\n");
  expect(extractMetricFields(text)).toEqual({ loss: "0.043", accuracy_pct: "89.4", replicas: "3" });
});
