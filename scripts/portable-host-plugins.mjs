// esbuild plugins for the engine host embedded in main.js (see esbuild.config.mjs).
import path from "node:path";
import { nativeExternals } from "./native-externals.mjs";

/**
 * Listed among the native externals because it loads files next to itself, yet pure JavaScript:
 * the embedded host bundles it and gives it the worker script and core from the payload.
 */
const PORTABLE_EXCEPTIONS = ["tesseract.js"];

const packageOf = (specifier) => (specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]);

/** Fails the build when a native module (or any .node addon) is reachable from the embedded code. */
export function portableGuard(root) {
  return {
    name: "portable-guard",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const importer = path.relative(root, args.importer);
        if (args.path.endsWith(".node")) return { errors: [{ text: `the native addon ${args.path} is reachable from the embedded engine host (imported by ${importer})` }] };
        const name = packageOf(args.path);
        if (nativeExternals.includes(name) && !PORTABLE_EXCEPTIONS.includes(name)) {
          return { errors: [{ text: `the native module "${name}" is reachable from the embedded engine host (imported by ${importer}); give it a WebAssembly engine or keep it out of src/engines/host/portable-processors.ts` }] };
        }
        return undefined;
      });
    },
  };
}

/** The embedded host's pipeline runs the portable processors instead of the native ones. */
export function portableProcessors(root) {
  const portable = path.join(root, "src/engines/host/portable-processors.ts");
  return {
    name: "portable-processors",
    setup(build) {
      build.onResolve({ filter: /^\.\/processors$/ }, (args) =>
        path.basename(args.importer) === "pipeline.ts" ? { path: portable } : undefined,
      );
    },
  };
}

/**
 * tesseract.js's Node worker picks one of six core builds at run time; the payload carries one
 * (SIMD, LSTM only: every Electron Obsidian runs on has WebAssembly SIMD), so all map to it.
 */
export function oneTesseractCore(root) {
  const core = path.join(root, "node_modules/tesseract.js-core/tesseract-core-simd-lstm.js");
  return {
    name: "one-tesseract-core",
    setup(build) {
      build.onResolve({ filter: /^tesseract\.js-core\/tesseract-core/ }, () => ({ path: core }));
    },
  };
}
