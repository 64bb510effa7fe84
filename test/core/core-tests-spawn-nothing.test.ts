/** Core tests stay fast and hermetic: none of them starts a child process or the engine host. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const FORBIDDEN = [/from ["'](node:)?child_process["']/, /host\/engine-client["']/, /support\/engine-service-harness["']/];

test("no test under test/core imports child_process, the engine client or the engine-backed harness", () => {
  const files = readdirSync(__dirname, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  const offenders = files.filter((file) => FORBIDDEN.some((pattern) => pattern.test(readFileSync(path.join(__dirname, file), "utf8"))));
  expect(offenders).toEqual([]);
});
