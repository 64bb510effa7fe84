/**
 * SWC for ES modules that use `import.meta.url` (@jsquash's Emscripten glue): Jest runs CommonJS,
 * where import.meta does not exist, so it becomes the module's own file URL first. esbuild does the
 * same kind of rewrite for the bundles.
 */
const { createTransformer } = require("@swc/jest");

const swc = createTransformer({ jsc: { target: "es2022" } });
const rewrite = (source) => source.replace(/import\.meta/g, "({ url: require('node:url').pathToFileURL(__filename).href })");

module.exports = {
  process: (source, filename, options) => swc.process(rewrite(source), filename, options),
  getCacheKey: (source, filename, options) => swc.getCacheKey(rewrite(source), filename, options),
};
