import { extractTextFacts, hasAnyFact } from "../../../src/core/photo/text-facts";

test("training log: loss and accuracy series with their epochs, resources and duration", () => {
  const facts = extractTextFacts([
    "$ python train.py --config emotion_v3.yaml",
    "epoch 1/100   loss: 0.234   accuracy: 71.2%",
    "epoch 100/100 loss: 0.043   accuracy: 89.4%",
    "CPU usage: 85%   GPU memory: 7.2GB",
    "Training finished in 4h 23m",
  ]);
  expect(facts.metrics).toEqual([
    { name: "loss", values: ["0.234", "0.043"], steps: [1, 100] },
    { name: "accuracy", values: ["71.2%", "89.4%"], steps: [1, 100] },
  ]);
  expect(facts.resources).toEqual([{ label: "CPU", value: "85%" }, { label: "GPU memory", value: "7.2GB" }]);
  expect(facts.durations).toEqual(["4h 23m"]);
});

test("service dashboard: services with state and detail, latency and status phrases", () => {
  const facts = extractTextFacts([
    "whisper-api        Running   2 réplicas",
    "emotion-detector   Running   3 réplicas",
    "database Degraded",
    "CPU usage: 45%   Latencia p95: 180 ms",
    "Health Check: PASSING",
    "Deployment successful - All systems operational",
  ]);
  expect(facts.services).toEqual([
    { service: "whisper-api", state: "Running", detail: "2 réplicas" },
    { service: "emotion-detector", state: "Running", detail: "3 réplicas" },
    { service: "database", state: "Degraded", detail: undefined },
  ]);
  expect(facts.latencies).toEqual([{ label: "p95", value: "180 ms" }]);
  expect(facts.statusPhrases).toEqual(["Health Check: PASSING", "Deployment successful", "All systems operational"]);
});

test("whiteboard schedule: time ranges with what happens in them", () => {
  const facts = extractTextFacts(["Cronograma del día", "9:00-12:00 Grabaciones grupo A", "13:00 - 16:00 Grabaciones grupo B"]);
  expect(facts.schedule).toEqual([
    { from: "9:00", to: "12:00", what: "Grabaciones grupo A" },
    { from: "13:00", to: "16:00", what: "Grabaciones grupo B" },
  ]);
});

test("Spanish prose: words between the measure and its value", () => {
  const facts = extractTextFacts(["El tiempo de respuesta promedio fue de 195 ms y la precisión se mantuvo en 87%."]);
  expect(facts.latencies).toEqual([{ label: "tiempo de respuesta promedio", value: "195 ms" }]);
  expect(facts.metrics).toEqual([{ name: "accuracy", values: ["87%"], steps: [undefined] }]);
});

test("text without measures has no facts", () => {
  const facts = extractTextFacts(["MACHINE WASH COLD", "DO NOT BLEACH", "Revisión de señales con niños"]);
  expect(hasAnyFact(facts)).toBe(false);
});
