// Keeps manifest.json, versions.json and package.json (and package-lock.json) on one version, as
// Obsidian's release checks expect: the release tag equals manifest.json's version, and
// versions.json maps every version to the oldest Obsidian it runs on.
//   node scripts/version-bump.mjs 1.2.3          set this version everywhere
//   node scripts/version-bump.mjs patch|minor|major
//   npm version patch                           (npm sets package.json; its "version" script runs this with no argument)
// Options: --min-app <version> changes minAppVersion for this and later versions.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

function fail(message) {
  console.error(`version-bump: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const minAppAt = args.indexOf("--min-app");
const minApp = minAppAt >= 0 ? args.splice(minAppAt, 2)[1] : undefined;
if (minAppAt >= 0 && !SEMVER.test(minApp ?? "")) fail(`--min-app needs a version like 1.8.7, not ${minApp}`);
const [wanted] = args;

const dir = process.cwd();
const read = (file) => JSON.parse(readFileSync(path.join(dir, file), "utf8"));
const write = (file, value) => writeFileSync(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`);

const manifest = read("manifest.json");
const pkg = read("package.json");
const versions = read("versions.json");

function next(current, part) {
  const match = SEMVER.exec(current);
  if (!match) fail(`manifest.json has version ${current}, which is not x.y.z`);
  const [major, minor, patch] = match.slice(1).map(Number);
  if (part === "major") return `${major + 1}.0.0`;
  if (part === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

// No argument: npm already wrote package.json (`npm version`), follow it.
const version = !wanted ? pkg.version : ["major", "minor", "patch"].includes(wanted) ? next(manifest.version, wanted) : wanted;
if (!SEMVER.test(version)) fail(`${version} is not a version like 1.2.3 (Obsidian wants x.y.z, no prefix)`);
if (versions[version] !== undefined && version !== manifest.version) fail(`versions.json already lists ${version}`);

manifest.version = version;
if (minApp) manifest.minAppVersion = minApp;
pkg.version = version;
versions[version] = manifest.minAppVersion;
write("manifest.json", manifest);
write("package.json", pkg);
write("versions.json", versions);
if (existsSync(path.join(dir, "package-lock.json"))) {
  const lock = read("package-lock.json");
  lock.version = version;
  if (lock.packages?.[""]) lock.packages[""].version = version;
  write("package-lock.json", lock);
}
console.log(`Version ${version} (Obsidian ${manifest.minAppVersion} or later) in manifest.json, versions.json and package.json.`);
