/**
 * The release workflow and `npm run release:dry` do the same steps: scripts/release-steps.mjs lists
 * each workflow step with the command the dry run runs for it (or why it cannot run here), and
 * this test parses .github/workflows/release.yml (the yaml package) and fails when they drift.
 * GitHub Actions itself is not run here. Also: the tag check and the checksums the two share.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { CHECKSUM_FILE, NATIVE_PACK_JOB, PLUGIN_JOB, RELEASE_FILES, TAG } from "../../scripts/release-steps.mjs";

const ROOT = path.resolve(__dirname, "../..");

interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { push: { tags: string[] } };
  jobs: Record<string, { steps: WorkflowStep[]; needs?: string }>;
}

const workflow = parse(readFileSync(path.join(ROOT, ".github/workflows/release.yml"), "utf8")) as Workflow;
const stepLabel = (step: WorkflowStep) => step.name ?? (step.uses ? `uses ${step.uses}` : `run ${step.run!.trim()}`);
/** A multi-line run's lines joined, its line continuations undone. */
const runText = (step: WorkflowStep) => (step.run ?? "").replace(/\\\n\s*/g, "").replace(/\s+/g, " ");
const commandText = (command: string[]) => command.map((part) => (part === TAG ? `"${TAG}"` : part)).join(" ");

test.each([
  ["plugin", PLUGIN_JOB],
  ["native-pack", NATIVE_PACK_JOB],
])("the %s job's steps are exactly the dry run's, in order, with the same commands", (job, listed) => {
  const steps = workflow.jobs[job].steps;
  expect(steps.map(stepLabel)).toEqual(listed.map((entry) => entry.step));
  for (const [index, entry] of listed.entries()) {
    for (const command of entry.commands ?? []) expect(runText(steps[index])).toContain(commandText(command));
  }
});

test("releases are made from tags and attach exactly the three files (plus their checksums) with provenance", () => {
  expect(workflow.on.push.tags).toEqual(["*"]);
  const steps = workflow.jobs.plugin.steps;
  const attest = steps.find((step) => step.uses?.startsWith("actions/attest-build-provenance"))!;
  expect(attest.with!["subject-path"].trim().split("\n")).toEqual(RELEASE_FILES);
  const release = runText(steps.find((step) => step.name === "Release with the three files")!);
  expect(release).toContain(`gh release create "${TAG}" ${[...RELEASE_FILES, CHECKSUM_FILE].join(" ")} `);
  expect((PLUGIN_JOB).at(-1)!.collect).toEqual([...RELEASE_FILES, CHECKSUM_FILE]);
  // Lint, tests and the build come before anything is attested or released.
  const order = ["run npm run lint", "run npm test", "Production build", "uses actions/attest-build-provenance@v2", "Release with the three files"];
  const positions = order.map((label) => steps.map(stepLabel).indexOf(label));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(positions).not.toContain(-1);
  expect(workflow.jobs["native-pack"].needs).toBe("plugin");
});

describe("the scripts both run", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "bitacora-release-"));
    writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ id: "bitacora", version: "0.3.0" }));
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ version: "0.3.0" }));
    writeFileSync(path.join(dir, "versions.json"), JSON.stringify({ "0.3.0": "1.8.7" }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const script = (name: string, ...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "scripts", name), ...args], { cwd: dir, encoding: "utf8" });

  test("the tag check passes for manifest.json's version and says what is wrong otherwise", () => {
    expect(script("release-check-version.mjs", "0.3.0").status).toBe(0);
    const prefixed = script("release-check-version.mjs", "v0.3.0");
    expect(prefixed.status).toBe(1);
    expect(prefixed.stderr).toContain("the tag is v0.3.0 but manifest.json's version is 0.3.0");
    writeFileSync(path.join(dir, "versions.json"), "{}");
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ version: "0.2.0" }));
    const drifted = script("release-check-version.mjs", "0.3.0");
    expect(drifted.status).toBe(1);
    expect(drifted.stderr).toMatch(/package\.json says 0\.2\.0.*versions\.json has no entry for 0\.3\.0/);
  });

  test("checksums are SHA-256 in sha256sum's format", () => {
    writeFileSync(path.join(dir, "main.js"), "console.log('hi');\n");
    expect(script("release-checksums.mjs", CHECKSUM_FILE, "main.js", "manifest.json").status).toBe(0);
    const sha = (file: string) => createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex");
    expect(readFileSync(path.join(dir, CHECKSUM_FILE), "utf8")).toBe(`${sha("main.js")}  main.js\n${sha("manifest.json")}  manifest.json\n`);
    if (spawnSync("sha256sum", ["--version"]).status === 0) expect(spawnSync("sha256sum", ["-c", CHECKSUM_FILE], { cwd: dir }).status).toBe(0);
  });
});
