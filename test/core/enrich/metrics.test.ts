import { extractMetricFields, findMetrics } from "../../../src/core/enrich/metrics";
import { seedEntries } from "./seed-log";

const seed = seedEntries();

describe("metrics from seed 000 entries", () => {
  test("model optimisation review: accuracy, loss, inference, CPU, GPU memory, training time", () => {
    expect(extractMetricFields(seed[0].body)).toEqual({
      accuracy_pct: "89.4", // "mejoró de 85.3% a 89.4%": the new value, and the old one apart
      accuracy_before_pct: "85.3",
      loss: "0.043", // last epoch of "epoch 1: 0.234, epoch 50: 0.089, epoch 100: 0.043"
      loss_reduction_pct: "82",
      inference_ms: "35", // "mejoró a 35ms (era 50ms)"
      inference_before_ms: "50",
      cpu_pct: "85",
      gpu_memory_gb: "7.2",
      duration_min: "263", // "tomó 4h 23m"
    });
  });

  test("data collection session: sample count", () => {
    expect(extractMetricFields(seed[1].body)).toEqual({ samples: "200" });
  });

  test("staging deploy: replicas summed over services, latency, capacity, uptime", () => {
    expect(extractMetricFields(seed[2].body)).toEqual({
      replicas: "6", // 2 + 3 + 1 réplicas
      cpu_pct: "45",
      latency_ms: "180",
      concurrent_requests: "500",
      requests_per_min: "500",
      uptime_pct: "99.9", // "24h" next to uptime is not a duration
    });
  });

  test("retrospective: only the share of sprint goals met", () => {
    expect(extractMetricFields(seed[3].body)).toEqual({ goals_met_pct: "95" });
  });

  test("stress test: concurrent users (max), final response time, accuracy under load", () => {
    const fields = extractMetricFields(seed[4].body);
    // "response times escalando de 180ms a 250ms": the last value read, the first kept as before.
    expect(fields).toMatchObject({ concurrent_users: "1800", latency_ms: "250", latency_before_ms: "180", accuracy_pct: "87" });
  });
});

describe("metrics from sprint and load-test reports (seeds 001–003) and English text", () => {
  test.each<[string, Record<string, string>]>([
    ["latencia_p95: ~300ms (estimado)", { latency_p95_ms: "300" }],
    ["<100ms latencia P95 en operaciones críticas", { latency_p95_ms: "100" }],
    ["Audio Latency P95 > 200ms (CRITICAL)", { latency_p95_ms: "200" }],
    ["Todos los tests pasando (47/47)", { tests_passed: "47", tests_total: "47" }],
    ["| **Tests Pasando** | 42/45 (93%) | **49/49 (100%)** |", { tests_passed: "49", tests_total: "49" }],
    ["Load Tests: Capacidad hasta 1000 req/s", { requests_per_s: "1000" }],
    ["Memory Optimization : 256MB peak (40% reduction)", { memory_mb: "256" }],
    ["error_rate: 0%", { error_rate_pct: "0" }],
    ["P95 latency was 0.42 s after the rollout", { latency_p95_ms: "420" }],
    ["We ran 250 concurrent users; average response time 310 ms and 99.95% uptime.", { concurrent_users: "250", latency_ms: "310", uptime_pct: "99.95" }],
    ["Model accuracy went from 81% to 84.5%, loss 0.12", { accuracy_pct: "84.5", accuracy_before_pct: "81", loss: "0.12" }],
    ["Corrimos la suite: 47 de 47 tests pasando", { tests_passed: "47", tests_total: "47" }],
    ["CI finished: 12 of 14 tests passing", { tests_passed: "12", tests_total: "14" }],
    ["The smoke tests passed, 14 out of 14.", { tests_passed: "14", tests_total: "14" }],
    ["===== 47 passed in 2.51s =====", { tests_passed: "47", tests_total: "47" }],
    ["===== 2 failed, 45 passed in 3.10s =====", { tests_passed: "45", tests_failed: "2", tests_total: "47" }],
    ["Smoke tests: 14 passed", { tests_passed: "14" }],
    ["Con cuatro workers procesamos ciento veinte mensajes por segundo y la memoria se quedó en quinientos doce megas.", { workers: "4", messages_per_s: "120", memory_mb: "512" }],
    ["The error rate is seven percent and every retry makes it worse.", { error_rate_pct: "7" }],
    ["audio cache hit rate 92.4 %", { cache_hit_rate_pct: "92.4" }],
    ["el tiempo de inferencia mejoró a 35 milisegundos, antes era de 50.", { inference_ms: "35", inference_before_ms: "50" }],
    ["whisper-api 2/2 Running\nemotion-detector 3/3 Running", { replicas: "5" }],
    ["Un health check y dos réplicas nuevas", { replicas: "2" }],
    ["The training took 3.5 hours on a GPU with 24GB of GPU memory", { duration_min: "210", gpu_memory_gb: "24" }],
    ["Coverage rose to 61% with 256/260 tests passing", { coverage_pct: "61", tests_passed: "256", tests_total: "260" }],
    ["Latencia promedio de 1,2 s en la API", { latency_ms: "1200" }],
    ["kubectl scale deployment agente-audio-api --replicas=10", {}],
    ["Reunión a las 9:00 con 8 personas", {}],
  ])("%s", (text, expected) => {
    expect(extractMetricFields(text)).toEqual(expected);
  });

  test("each metric keeps the words it came from", () => {
    const [metric] = findMetrics("la latencia promedio es de 180ms");
    expect(metric).toMatchObject({ key: "latency_ms", value: 180, unit: "ms", evidence: "180ms" });
  });
});
