// The release workflow's steps (.github/workflows/release.yml), in order, each with what
// `npm run release:dry` does for it on this machine: the same command, or why it is skipped.
// test/scripts/release-workflow.test.ts parses the workflow and fails when the two lists drift.
// A step is named by its `name`, else `uses <action>` or `run <command>`.

/** What every user installs (Obsidian's directory and BRAT download exactly these). */
export const RELEASE_FILES = ["main.js", "manifest.json", "styles.css"];
/** Written beside them: `sha256sum -c SHA256SUMS` verifies a download. */
export const CHECKSUM_FILE = "SHA256SUMS";
/** Stands for the pushed tag in commands; the dry run puts its --tag there (default: manifest.json's version). */
export const TAG = "$GITHUB_REF_NAME";

export const PLUGIN_JOB = [
  { step: "uses actions/checkout@v4", skip: "the working tree as it is (uncommitted changes are listed first)" },
  { step: "uses actions/setup-node@v4", skip: "the Node on PATH (its version is printed)" },
  { step: "The tag is manifest.json's version, and versions.json and package.json agree", commands: [["node", "scripts/release-check-version.mjs", TAG]] },
  { step: "Tools to rebuild the WebAssembly from source (emscripten, cmake)", skip: "apt-get is not run: emcc and cmake as installed here" },
  { step: "run npm ci", skip: "node_modules as installed (npm ci would reinstall them)" },
  {
    step: "Rebuild the embedded WebAssembly from source",
    commands: [["node", "scripts/build-sinc-wasm.mjs"], ["node", "scripts/build-whisper-wasm.mjs"]],
    onlyWith: "--rebuild-wasm",
    why: "whisper.cpp's build takes 6-45 min on 2 cores",
  },
  { step: "run npm run lint", commands: [["npm", "run", "lint"]] },
  { step: "run npm test", commands: [["npm", "test"]], unlessWith: "--skip-tests" },
  { step: "Production build", commands: [["npm", "run", "build"]] },
  { step: "THIRD_PARTY_NOTICES lists what this main.js carries", commands: [["git", "diff", "--exit-code", "THIRD_PARTY_NOTICES"]] },
  { step: "Checksums of the three files", commands: [["node", "scripts/release-checksums.mjs", CHECKSUM_FILE, ...RELEASE_FILES]] },
  { step: "uses actions/attest-build-provenance@v2", skip: "provenance is signed by GitHub's attestation service, not here" },
  { step: "Release with the three files", collect: [...RELEASE_FILES, CHECKSUM_FILE], skip: "gh release create is not run: the files are copied to release/<tag>/" },
];

export const NATIVE_PACK_JOB = [
  { step: "uses actions/checkout@v4", skip: "the working tree as it is" },
  { step: "uses actions/setup-node@v4", skip: "the Node on PATH" },
  { step: "run npm ci", skip: "node_modules as installed" },
  { step: "run npm run package", commands: [["npm", "run", "package"]] },
  { step: "Zip the native pack", zip: true },
  { step: "uses actions/attest-build-provenance@v2", skip: "provenance is signed by GitHub's attestation service, not here" },
  { step: "Attach to the release", skip: "gh release upload is not run: the zip is copied to release/<tag>/" },
];
