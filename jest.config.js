/** Jest runs TypeScript through SWC (fast, no type check; `npm run lint` type-checks). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  // opus-decoder (WebAssembly libopus) ships only ES modules; let SWC compile it to CommonJS.
  transformIgnorePatterns: ["/node_modules/(?!(opus-decoder|@wasm-audio-decoders|simple-yenc)/)"],
  // `obsidian` ships only type declarations; tests use the faithful in-memory stand-in.
  moduleNameMapper: { "^obsidian$": "<rootDir>/test/obsidian-stand-in/obsidian.ts" },
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/support/plain-summary-reporter.js"],
};
