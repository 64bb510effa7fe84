/** docs/server/docker-compose.yml is valid YAML (with the merge keys Compose reads) and each server answers where Bitácora asks. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const compose = parse(readFileSync(path.resolve(__dirname, "../../docs/server/docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, { profiles: string[]; image: string; ports: string[]; command?: string[]; deploy?: unknown }>;
};

test("four profiles: speaches and whisper-server, each with a GPU and a CPU variant", () => {
  expect(Object.keys(compose.services).sort()).toEqual(["speaches-cpu", "speaches-gpu", "whisper-cpp-cpu", "whisper-cpp-gpu"]);
  for (const [name, service] of Object.entries(compose.services)) {
    expect(service.profiles).toEqual([name]);
    expect(Boolean(service.deploy)).toBe(name.endsWith("-gpu"));
  }
});

test("whisper-server serves OpenAI's path on all interfaces; speaches on its default port", () => {
  for (const name of ["whisper-cpp-gpu", "whisper-cpp-cpu"]) {
    const command = compose.services[name].command!.join(" ");
    expect(command).toContain("--inference-path /v1/audio/transcriptions");
    expect(command).toContain("--host 0.0.0.0");
    expect(compose.services[name].ports).toEqual(["8080:8080"]);
  }
  expect(compose.services["speaches-gpu"].ports).toEqual(["8000:8000"]);
});
