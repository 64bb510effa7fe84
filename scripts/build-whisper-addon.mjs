// Builds native/whisper-addon (Bitácora's own N-API binding of whisper.cpp) with cmake, from the
// whisper.cpp source tree in node_modules/nodejs-whisper. Runs after `npm ci` (postinstall).
//
//   node scripts/build-whisper-addon.mjs [--cpu native|portable] [--if-possible] [--force]
//
// --cpu native    this machine's instruction set (default; for the CLI, tests and benchmarks here)
// --cpu portable  one addon per x86-64 instruction-set level (baseline, Haswell AVX2, Skylake-X
//                 AVX-512), chosen at load time by the CPU's flags; one generic build on arm64.
//                 Used by `npm run package` for the plugin folder, which must run on any desktop.
// --if-possible   a missing compiler or cmake prints a warning and exits 0: the engine then
//                 falls back to the prebuilt @fugood/whisper.node binding
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const addonDir = path.join(root, "native", "whisper-addon");
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const cpu = args.includes("--cpu") ? args[args.indexOf("--cpu") + 1] : "native";
const ifPossible = args.includes("--if-possible");
const force = args.includes("--force");
if (!["native", "portable"].includes(cpu)) fail(`--cpu must be native or portable, not ${cpu}`);

const logFile = path.join(addonDir, "build", `build-${cpu}.log`);

// ggml's own instruction-set switches; the levels match its CPU variants of the same names.
// OpenMP stays off in portable builds: libgomp is not on every desktop, ggml has its own pool.
const PORTABLE_X64 = {
  // ggml turns AVX, AVX2, FMA, F16C and BMI2 on whenever GGML_NATIVE is off: the baseline says no.
  x64: ["-DGGML_SSE42=OFF", "-DGGML_AVX=OFF", "-DGGML_F16C=OFF", "-DGGML_FMA=OFF", "-DGGML_AVX2=OFF", "-DGGML_BMI2=OFF"],
  haswell: ["-DGGML_SSE42=ON", "-DGGML_AVX=ON", "-DGGML_F16C=ON", "-DGGML_FMA=ON", "-DGGML_AVX2=ON", "-DGGML_BMI2=ON"],
  skylakex: ["-DGGML_SSE42=ON", "-DGGML_AVX=ON", "-DGGML_F16C=ON", "-DGGML_FMA=ON", "-DGGML_AVX2=ON", "-DGGML_BMI2=ON", "-DGGML_AVX512=ON"],
};

/** [output folder, extra cmake flags] for each addon this run builds. */
function variants() {
  if (cpu === "native") return [["native", ["-DGGML_NATIVE=ON"]]];
  const common = ["-DGGML_NATIVE=OFF", "-DGGML_OPENMP=OFF"];
  if (process.arch !== "x64") return [[`portable/${process.platform}-${process.arch}`, common]];
  return Object.entries(PORTABLE_X64).map(([level, flags]) => [`portable/${process.platform}-x64-${level}`, [...common, ...flags]]);
}

function fail(message) {
  if (ifPossible) {
    console.warn(`[bitacora] The fast Whisper engine was not built: ${message}`);
    console.warn("[bitacora] Transcription will use the prebuilt @fugood/whisper.node binding (slower on x86-64).");
    process.exit(0);
  }
  console.error(`[bitacora] ${message}`);
  process.exit(1);
}

function resolveInputs() {
  let whisperCpp;
  try {
    whisperCpp = path.join(path.dirname(require.resolve("nodejs-whisper/package.json")), "cpp", "whisper.cpp");
  } catch {
    fail("the whisper.cpp sources (npm package nodejs-whisper) are not installed; run npm ci");
  }
  if (!existsSync(path.join(whisperCpp, "CMakeLists.txt"))) fail(`no whisper.cpp source tree at ${whisperCpp}`);
  const nodeApiHeaders = require("node-api-headers").include_dir;
  const nodeAddonApi = require("node-addon-api").include.replace(/^"|"$/g, "");
  return { whisperCpp, nodeApiHeaders, nodeAddonApi };
}

function cmakeFlags(inputs, variantFlags) {
  return [
    `-DWHISPER_CPP_DIR=${inputs.whisperCpp}`,
    `-DNODE_API_HEADERS_DIR=${inputs.nodeApiHeaders}`,
    `-DNODE_ADDON_API_DIR=${inputs.nodeAddonApi}`,
    "-DCMAKE_BUILD_TYPE=Release",
    ...variantFlags,
  ];
}

// Same sources, flags and compiler input → same addon: skip the 3-minute build.
function fingerprint(inputs, flags) {
  const hash = createHash("sha256");
  hash.update(flags.join("\n"));
  hash.update(readFileSync(path.join(inputs.whisperCpp, "CMakeLists.txt")));
  for (const name of ["CMakeLists.txt", ...readdirSync(path.join(addonDir, "src")).sort().map((f) => `src/${f}`)]) {
    hash.update(name).update(readFileSync(path.join(addonDir, name)));
  }
  return hash.digest("hex");
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: addonDir, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  writeFileSync(logFile, `$ ${command} ${commandArgs.join(" ")}\n${result.stdout ?? ""}${result.stderr ?? ""}\n`, { flag: "a" });
  if (result.error) fail(`${command} could not start (${result.error.message}); install cmake and a C++ compiler`);
  if (result.status !== 0) fail(`${command} failed (exit ${result.status}); see ${path.relative(root, logFile)}`);
}

function buildVariant(inputs, name, variantFlags) {
  const outDir = path.join(addonDir, "build", name);
  const cmakeDir = path.join(addonDir, "build", "cmake", name);
  const flags = cmakeFlags(inputs, variantFlags);
  const stamp = fingerprint(inputs, flags);
  const stampFile = path.join(outDir, "build-stamp.txt");
  const addonFile = path.join(outDir, "bitacora_whisper.node");
  if (!force && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(addonFile)) {
    console.log(`[bitacora] Whisper addon ${name} is up to date`);
    return;
  }
  const started = Date.now();
  console.log(`[bitacora] Building the Whisper addon ${name} from ${path.relative(root, inputs.whisperCpp)}; a few minutes on 2 cores...`);
  run("cmake", ["-S", addonDir, "-B", cmakeDir, ...flags]);
  run("cmake", ["--build", cmakeDir, "--config", "Release", "--parallel", String(availableParallelism()), "--target", "bitacora_whisper"]);
  const built = readdirSync(cmakeDir, { recursive: true }).find((f) => path.basename(f) === "bitacora_whisper.node");
  if (!built) fail(`the build produced no bitacora_whisper.node; see ${path.relative(root, logFile)}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(path.join(cmakeDir, built), addonFile);
  writeFileSync(stampFile, stamp);
  console.log(`[bitacora] Whisper addon ${name} built in ${Math.round((Date.now() - started) / 1000)} s`);
}

const inputs = resolveInputs();
mkdirSync(path.dirname(logFile), { recursive: true });
writeFileSync(logFile, "");
for (const [name, flags] of variants()) buildVariant(inputs, name, flags);
