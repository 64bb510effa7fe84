/** Jest runs TypeScript through SWC (fast, no type check; `npm run lint` type-checks). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "/node_modules/@jsquash/.+\\.js$": "<rootDir>/test/support/import-meta-transformer.js", "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022" } }], "^.+\\.mjs$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  // opus-decoder (WebAssembly libopus), @jsquash/* and onnxruntime-web's bundle ship only ES modules; let SWC compile them to CommonJS.
  transformIgnorePatterns: ["/node_modules/(?!(opus-decoder|@wasm-audio-decoders|simple-yenc|mpg123-decoder|@jsquash|onnxruntime-web)/)"],
  moduleNameMapper: {
    // `obsidian` ships only type declarations; tests use the faithful in-memory stand-in.
    "^obsidian$": "<rootDir>/test/obsidian-stand-in/obsidian.ts",
    // The build that embeds its Emscripten glue (esbuild picks it through the "import" condition), so
    // nothing is loaded beside the bundle; the CommonJS build would import the glue from a file.
    "^onnxruntime-web/wasm$": "<rootDir>/node_modules/onnxruntime-web/dist/ort.wasm.bundle.min.mjs",
  },
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/support/plain-summary-reporter.js"],
};
