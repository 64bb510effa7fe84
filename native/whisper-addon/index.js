// Loads the addon that scripts/build-whisper-addon.mjs built: the portable build when it is
// there (the packaged plugin), else this machine's native build. Throws when neither exists.
const path = require("node:path");
const { existsSync } = require("node:fs");

const candidates = ["portable", "native"].map((cpu) => path.join(__dirname, "build", cpu, "bitacora_whisper.node"));
const found = candidates.find((file) => existsSync(file));
if (!found) {
  throw new Error("Bitácora's Whisper addon is not built (run `node scripts/build-whisper-addon.mjs`; needs cmake and a C++ compiler).");
}
const addon = require(found);
addon.buildPath = found;
module.exports = addon;
