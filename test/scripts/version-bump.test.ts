/** scripts/version-bump.mjs keeps manifest.json, versions.json and package.json in lockstep. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const SCRIPT = path.resolve(__dirname, "../../scripts/version-bump.mjs");
let dir: string;
const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown>;
const bump = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: dir, encoding: "utf8" });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "bitacora-bump-"));
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ id: "bitacora", version: "0.1.0", minAppVersion: "1.8.7" }));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bitacora", version: "0.1.0", scripts: {} }));
  writeFileSync(path.join(dir, "versions.json"), JSON.stringify({ "0.1.0": "1.8.7" }));
  writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify({ name: "bitacora", version: "0.1.0", packages: { "": { version: "0.1.0" } } }));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("an explicit version lands in all four files; versions.json keeps the old ones", () => {
  expect(bump("0.2.0").status).toBe(0);
  expect(read("manifest.json")).toMatchObject({ id: "bitacora", version: "0.2.0", minAppVersion: "1.8.7" });
  expect(read("package.json")).toMatchObject({ version: "0.2.0", scripts: {} });
  expect(read("versions.json")).toEqual({ "0.1.0": "1.8.7", "0.2.0": "1.8.7" });
  expect(read("package-lock.json")).toMatchObject({ version: "0.2.0", packages: { "": { version: "0.2.0" } } });
});

test("patch, minor and major count from manifest.json; --min-app moves the floor for the new version only", () => {
  bump("patch");
  expect(read("manifest.json").version).toBe("0.1.1");
  bump("minor", "--min-app", "1.9.0");
  expect(read("versions.json")).toEqual({ "0.1.0": "1.8.7", "0.1.1": "1.8.7", "0.2.0": "1.9.0" });
  bump("major");
  expect(read("package.json").version).toBe("1.0.0");
  expect(read("manifest.json").minAppVersion).toBe("1.9.0");
});

test("with no argument it follows package.json, as after `npm version`", () => {
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bitacora", version: "0.3.0" }));
  expect(bump().status).toBe(0);
  expect(read("manifest.json").version).toBe("0.3.0");
  expect(read("versions.json")["0.3.0"]).toBe("1.8.7");
});

test("a version Obsidian would refuse changes nothing", () => {
  const before = readFileSync(path.join(dir, "manifest.json"), "utf8");
  for (const bad of ["v0.2.0", "0.2", "0.2.0-beta"]) {
    const result = bump(bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not a version like 1\.2\.3/);
  }
  expect(readFileSync(path.join(dir, "manifest.json"), "utf8")).toBe(before);
});
