// Loads the addon scripts/build-whisper-addon.mjs built: this machine's own build when there is
// one (a development checkout, after npm ci); else, in the packaged plugin, the portable build
// for the best instruction-set level this CPU runs. Throws when nothing is built.
const path = require("node:path");
const { existsSync, readFileSync } = require("node:fs");

const build = path.join(__dirname, "build");

/** Linux's CPU flags; elsewhere unknown (an x86-64 Mac or PC then takes the baseline build). */
function cpuFlags() {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").match(/^flags\s*:(.*)$/m);
    return new Set(line ? line[1].trim().split(/\s+/) : []);
  } catch {
    return new Set();
  }
}

function portableCandidates() {
  const prefix = `${process.platform}-${process.arch}`;
  if (process.arch !== "x64") return [path.join(build, "portable", prefix)];
  const flags = cpuFlags();
  const has = (...names) => names.every((name) => flags.has(name));
  const levels = [];
  if (has("avx512f", "avx512cd", "avx512vl", "avx512dq", "avx512bw", "avx2", "fma", "f16c", "bmi2")) levels.push("skylakex");
  if (has("avx2", "fma", "f16c", "bmi2")) levels.push("haswell");
  levels.push("x64");
  return levels.map((level) => path.join(build, "portable", `${prefix}-${level}`));
}

const candidates = [path.join(build, "native"), ...portableCandidates()].map((dir) => path.join(dir, "bitacora_whisper.node"));
const found = candidates.find((file) => existsSync(file));
if (!found) {
  throw new Error("Bitácora's Whisper addon is not built (run `npm run build:whisper-addon`; needs cmake and a C++ compiler).");
}
const addon = require(found);
addon.buildPath = found;
module.exports = addon;
