// A release's tag must equal manifest.json's version (Obsidian looks the release up by it), and
// package.json and versions.json must agree (scripts/version-bump.mjs keeps them so).
//   node scripts/release-check-version.mjs <tag>        (run in the repository)
import { readFileSync } from "node:fs";

const [tag] = process.argv.slice(2);
const read = (file) => JSON.parse(readFileSync(file, "utf8"));
const version = read("manifest.json").version;
const problems = [];
if (!tag) problems.push("no tag given");
else if (tag !== version) problems.push(`the tag is ${tag} but manifest.json's version is ${version} (tags have no "v" prefix)`);
const packageVersion = read("package.json").version;
if (packageVersion !== version) problems.push(`package.json says ${packageVersion}, manifest.json ${version}: run node scripts/version-bump.mjs ${version}`);
if (!read("versions.json")[version]) problems.push(`versions.json has no entry for ${version}: run node scripts/version-bump.mjs ${version}`);
if (problems.length) {
  console.error(`release: ${problems.join("; ")}`);
  process.exit(1);
}
console.log(`release: tag ${tag} = manifest.json, package.json and versions.json`);
