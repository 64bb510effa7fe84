// Builds whisper.cpp as WebAssembly (SIMD128, pthreads) with Bitácora's binding
// (native/whisper-wasm/binding.cpp) into vendor/whisper-wasm/, from the same pinned whisper.cpp
// tree as the native addon (node_modules/nodejs-whisper). Needs emscripten (emcc, emcmake) and
// cmake; CI and the tests do not: they use the committed vendor/whisper-wasm files.
//
//   node scripts/build-whisper-wasm.mjs [--out DIR] [--threads-pool N] [--no-lto] [--no-simd] [--new-threads-per-graph]
//   node scripts/build-whisper-wasm.mjs --check    (release: rebuild apart, compare with vendor/)
//
// The exact command and the SHA-256 of every output are written to DIR/build-info.json, so a
// reviewer (or the release workflow) can rebuild and compare. docs/engines.md has the flag history.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

const VENDOR = path.join(root, "vendor", "whisper-wasm");
const check = args.includes("--check");
const outDir = check ? path.join(root, "build", "whisper-wasm-check") : path.resolve(root, option("--out", VENDOR));
const poolSize = Number(option("--threads-pool", "4"));
const lto = !args.includes("--no-lto");
const simd = !args.includes("--no-simd");
const reuseThreads = !args.includes("--new-threads-per-graph");
const workDir = path.join(root, "build", "whisper-wasm");
const logFile = path.join(workDir, "build.log");

function fail(message) {
  console.error(`[bitacora] ${message}`);
  process.exit(1);
}

// Debian's emscripten runs its JS tools with the system node, which finds acorn only here.
const toolEnv = existsSync("/usr/share/nodejs/acorn")
  ? { ...process.env, NODE_PATH: [process.env.NODE_PATH, "/usr/share/nodejs"].filter(Boolean).join(path.delimiter) }
  : process.env;

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, env: toolEnv, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  writeFileSync(logFile, `$ ${command} ${commandArgs.join(" ")}\n${result.stdout ?? ""}${result.stderr ?? ""}\n`, { flag: "a" });
  if (result.error) fail(`${command} could not start (${result.error.message}); install emscripten and cmake`);
  if (result.status !== 0) fail(`${command} failed (exit ${result.status}); see ${path.relative(root, logFile)}`);
  return result.stdout;
}

/**
 * A copy of the sources ggml and whisper need, patched: in this release arch-fallback.h maps
 * ggml_vec_dot_q4_1_q8_1_generic twice for wasm, which the wasm quants.c then defines twice.
 */
function patchedSourceCopy(whisperCpp) {
  const copy = path.join(workDir, "whisper.cpp");
  rmSync(copy, { recursive: true, force: true });
  // whisper.cpp's top CMakeLists.txt configures the JS binding's package.json from this template.
  for (const entry of ["CMakeLists.txt", "cmake", "ggml", "include", "src", "bindings/javascript/package-tmpl.json"]) {
    cpSync(path.join(whisperCpp, entry), path.join(copy, entry), { recursive: true });
  }
  const fallback = path.join(copy, "ggml", "src", "ggml-cpu", "arch-fallback.h");
  const text = readFileSync(fallback, "utf8");
  const wasmBlock = text.indexOf("#elif defined(__wasm__)");
  if (wasmBlock < 0) fail("arch-fallback.h has no wasm block; the whisper.cpp version changed");
  const duplicate = "#define ggml_vec_dot_q4_1_q8_1_generic ggml_vec_dot_q4_1_q8_1\n";
  const at = text.indexOf(duplicate, wasmBlock);
  if (at >= 0) writeFileSync(fallback, text.slice(0, at) + text.slice(at + duplicate.length));
  if (reuseThreads) reuseOneThreadPool(path.join(copy, "ggml", "src", "ggml-cpu", "ggml-cpu.c"));
  return copy;
}

/**
 * ggml starts and joins a new pool of threads for every graph it computes (hundreds per
 * transcription). Under Emscripten each thread start is a message round trip through the main
 * thread, so the build keeps one pool and reuses it; a second graph computed at the same time
 * (another model transcribing) falls back to ggml's own per-graph pool.
 */
function reuseOneThreadPool(file) {
  const text = readFileSync(file, "utf8");
  const computeStart = "enum ggml_status ggml_graph_compute(struct ggml_cgraph * cgraph, struct ggml_cplan * cplan) {";
  const disposable = "    bool disposable_threadpool = false;\n";
  const ending = "    if (disposable_threadpool) {\n        ggml_threadpool_free(threadpool);\n    }\n";
  for (const needle of [computeStart, disposable, ending]) {
    if (text.split(needle).length !== 2) fail(`ggml-cpu.c changed; cannot apply the reused thread pool patch (${needle.trim().slice(0, 40)})`);
  }
  const helpers = [
    "// Bitácora's WebAssembly build: one thread pool reused across graphs (scripts/build-whisper-wasm.mjs).",
    "static struct ggml_threadpool * bitacora_pool = NULL;",
    "static atomic_int bitacora_pool_busy = 0;",
    "static struct ggml_threadpool * bitacora_acquire_pool(int n_threads) {",
    "    if (n_threads < 2 || atomic_exchange(&bitacora_pool_busy, 1)) return NULL;",
    "    if (bitacora_pool != NULL && bitacora_pool->n_threads != n_threads) {",
    "        ggml_threadpool_free(bitacora_pool);",
    "        bitacora_pool = NULL;",
    "    }",
    "    if (bitacora_pool == NULL) {",
    "        struct ggml_threadpool_params params = ggml_threadpool_params_default(n_threads);",
    "        bitacora_pool = ggml_threadpool_new_impl(&params, NULL, NULL);",
    "    }",
    "    return bitacora_pool;",
    "}",
    "",
  ].join("\n");
  const patched = text
    .replace(computeStart, `${helpers}\n${computeStart}`)
    .replace(disposable, `${disposable}    struct ggml_threadpool * bitacora_reused = threadpool == NULL ? bitacora_acquire_pool(n_threads) : NULL;\n    if (bitacora_reused != NULL) threadpool = bitacora_reused;\n`)
    .replace(ending, `${ending}    if (bitacora_reused != NULL) atomic_store(&bitacora_pool_busy, 0);\n`);
  writeFileSync(file, patched);
}

function compileFlags() {
  return ["-O3", "-pthread", ...(simd ? ["-msimd128"] : []), ...(lto ? ["-flto"] : [])].join(" ");
}

function linkFlags() {
  return [
    "-O3",
    "-pthread",
    ...(lto ? ["-flto"] : []),
    "-sMODULARIZE=1",
    "-sEXPORT_NAME=createWhisperWasm",
    "-sENVIRONMENT=node,worker",
    // The model is read straight from the disk by path (or handed in as bytes).
    "-sNODERAWFS=1",
    `-sPTHREAD_POOL_SIZE=${poolSize}`,
    "-sALLOW_MEMORY_GROWTH=1",
    "-sINITIAL_MEMORY=67108864",
    // wasm32's limit: room for the large models (ggml-large-v3 q5_0 is about 1.1 GB plus buffers).
    "-sMAXIMUM_MEMORY=4294967296",
    "-sTOTAL_STACK=5242880",
    "-sEXIT_RUNTIME=0",
    "-sNODEJS_CATCH_EXIT=0",
    "-sNODEJS_CATCH_REJECTION=0",
    "-sEXPORTED_RUNTIME_METHODS=['UTF8ToString','stringToUTF8','lengthBytesUTF8']",
    "-sEXPORTED_FUNCTIONS=['_malloc','_free']",
  ];
}

function main() {
  let whisperCpp;
  try {
    whisperCpp = path.join(path.dirname(require.resolve("nodejs-whisper/package.json")), "cpp", "whisper.cpp");
  } catch {
    fail("the whisper.cpp sources (npm package nodejs-whisper) are not installed; run npm ci");
  }
  mkdirSync(workDir, { recursive: true });
  writeFileSync(logFile, "");
  const started = Date.now();
  const source = patchedSourceCopy(whisperCpp);
  const cmakeDir = path.join(workDir, "cmake");
  rmSync(cmakeDir, { recursive: true, force: true });
  const flags = compileFlags();
  const cmakeArgs = [
    "cmake", "-S", source, "-B", cmakeDir,
    "-DCMAKE_BUILD_TYPE=Release",
    // Without it ggml does not see a wasm CPU and silently compiles scalar code.
    "-DEMSCRIPTEN_SYSTEM_PROCESSOR=wasm32",
    "-DCMAKE_SYSTEM_PROCESSOR=wasm32",
    "-DBUILD_SHARED_LIBS=OFF",
    "-DGGML_NATIVE=OFF",
    "-DGGML_OPENMP=OFF",
    "-DWHISPER_BUILD_TESTS=OFF",
    "-DWHISPER_BUILD_EXAMPLES=OFF",
    "-DWHISPER_BUILD_SERVER=OFF",
    `-DCMAKE_C_FLAGS=${flags}`,
    `-DCMAKE_CXX_FLAGS=${flags}`,
  ];
  run("emcmake", cmakeArgs, workDir);
  run("cmake", ["--build", cmakeDir, "--config", "Release", "--parallel", String(availableParallelism()), "--target", "whisper"], workDir);
  const libraries = readdirSync(cmakeDir, { recursive: true })
    .filter((file) => file.endsWith(".a"))
    .map((file) => path.join(cmakeDir, file));
  // whisper first, then ggml's pieces: the static linker resolves left to right.
  libraries.sort((a, b) => rank(a) - rank(b));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const linkArgs = [
    ...flags.split(" "),
    "-std=c++17",
    `-I${path.join(source, "include")}`,
    `-I${path.join(source, "ggml", "include")}`,
    path.join(root, "native", "whisper-wasm", "binding.cpp"),
    ...libraries,
    ...linkFlags(),
    "-o",
    path.join(outDir, "whisper-wasm.js"),
  ];
  run("em++", linkArgs, workDir);
  writeBuildInfo(linkArgs, cmakeArgs, Date.now() - started);
  console.log(`[bitacora] Built ${path.relative(root, outDir)} in ${Math.round((Date.now() - started) / 1000)} s`);
}

function rank(library) {
  const name = path.basename(library);
  if (name.startsWith("libwhisper")) return 0;
  if (name.startsWith("libggml-cpu")) return 1;
  if (name === "libggml.a") return 2;
  return 3;
}

function writeBuildInfo(linkArgs, cmakeArgs, elapsedMs) {
  // Paths relative to the repository, the output folder as <out>: the same text wherever it was built.
  const relative = (arg) => arg.split(outDir).join("<out>").split(root + path.sep).join("");
  const files = {};
  for (const file of readdirSync(outDir).sort()) {
    files[file] = { bytes: readFileSync(path.join(outDir, file)).length, sha256: createHash("sha256").update(readFileSync(path.join(outDir, file))).digest("hex") };
  }
  const emccVersion = spawnSync("emcc", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0];
  const info = {
    whisperCpp: "1.9.1 (node_modules/nodejs-whisper/cpp/whisper.cpp, arch-fallback.h duplicate removed)",
    emcc: emccVersion,
    rebuild: `node scripts/build-whisper-wasm.mjs ${args.filter((arg, i) => arg !== "--check" && arg !== "--out" && args[i - 1] !== "--out").join(" ")}`.trim(),
    configure: cmakeArgs.map(relative),
    link: ["em++", ...linkArgs.map(relative)],
    buildSeconds: Math.round(elapsedMs / 1000),
    files,
  };
  writeFileSync(path.join(outDir, "build-info.json"), JSON.stringify(info, null, 2) + "\n");
}

/** --check: the fresh build's files must have the SHA-256 that vendor/whisper-wasm/build-info.json records. */
function compareWithVendor() {
  const recorded = JSON.parse(readFileSync(path.join(VENDOR, "build-info.json"), "utf8")).files;
  const fresh = JSON.parse(readFileSync(path.join(outDir, "build-info.json"), "utf8")).files;
  const differing = Object.keys(recorded).filter((file) => recorded[file].sha256 !== fresh[file]?.sha256);
  if (differing.length > 0) fail(`the rebuild differs from vendor/whisper-wasm in ${differing.join(", ")} (fresh files in ${path.relative(root, outDir)})`);
  console.log("[bitacora] The rebuild matches vendor/whisper-wasm byte for byte");
}

if (!existsSync(path.join(root, "native", "whisper-wasm", "binding.cpp"))) fail("native/whisper-wasm/binding.cpp is missing");
main();
if (check) compareWithVendor();
