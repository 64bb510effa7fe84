// Which addon builds to try, best first, for a platform, an architecture and the CPU's flags.
// Kept apart from index.js so it can be tested without loading any native code.
const path = require("node:path");

const SKYLAKE_X = ["avx512f", "avx512cd", "avx512vl", "avx512dq", "avx512bw", "avx2", "fma", "f16c", "bmi2"];
const HASWELL = ["avx2", "fma", "f16c", "bmi2"];

/**
 * @param {string} buildDir native/whisper-addon/build
 * @param {{ platform: string, arch: string, cpuFlags: Set<string> }} machine
 * @returns {string[]} .node files to try in order: this machine's own build, then portable ones
 */
function candidateBuilds(buildDir, { platform, arch, cpuFlags }) {
  const prefix = `${platform}-${arch}`;
  const has = (names) => names.every((name) => cpuFlags.has(name));
  let portable;
  if (arch !== "x64") portable = [prefix];
  else {
    const levels = [];
    if (has(SKYLAKE_X)) levels.push("skylakex");
    if (has(HASWELL)) levels.push("haswell");
    levels.push("x64");
    portable = levels.map((level) => `${prefix}-${level}`);
  }
  return [path.join(buildDir, "native"), ...portable.map((name) => path.join(buildDir, "portable", name))].map((dir) =>
    path.join(dir, "bitacora_whisper.node"),
  );
}

module.exports = { candidateBuilds };
