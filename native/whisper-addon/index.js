// Loads the addon scripts/build-whisper-addon.mjs built: this machine's own build when there is
// one (a development checkout, after npm ci); else, in the packaged plugin, the portable build
// for the best instruction-set level this CPU runs. Throws when nothing is built.
const path = require("node:path");
const { existsSync, readFileSync } = require("node:fs");
const { candidateBuilds } = require("./choose-build");

/** Linux's CPU flags; elsewhere unknown (an x86-64 Mac or PC then takes the baseline build). */
function cpuFlags() {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").match(/^flags\s*:(.*)$/m);
    return new Set(line ? line[1].trim().split(/\s+/) : []);
  } catch {
    return new Set();
  }
}

const candidates = candidateBuilds(path.join(__dirname, "build"), { platform: process.platform, arch: process.arch, cpuFlags: cpuFlags() });
const found = candidates.find((file) => existsSync(file));
if (!found) {
  throw new Error("Bitácora's Whisper addon is not built (run `npm run build:whisper-addon`; needs cmake and a C++ compiler).");
}
const addon = require(found);
addon.buildPath = found;
module.exports = addon;
