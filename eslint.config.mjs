import { defineConfig } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";

export default defineConfig([
  { ignores: ["main.js", "dist/**", "node_modules/**", "bench/.cache/**", "coverage/**"] },
  ...obsidianmd.configs.recommended,
  {
    files: ["src/**/*.ts"],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.*"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Proper nouns and patterns that sentence case must leave alone.
      "obsidianmd/ui/sentence-case": [
        "error",
        {
          brands: ["Bitácora", "Whisper", "Dataview", "Ollama", "Daily notes", "Periodic Notes", "ONNX", "Tesseract"],
          acronyms: ["GPS", "OCR", "URL", "EXIF", "CPU"],
          ignoreRegex: ["yyyy-MM-dd"],
        },
      ],
    },
  },
  {
    // The settings tab keeps display(): the declarative settings API needs Obsidian 1.13, above minAppVersion.
    files: ["src/obsidian/settings-tab.ts"],
    rules: {
      "obsidianmd/settings-tab/prefer-setting-definitions": "off",
      "@typescript-eslint/no-deprecated": "off",
    },
  },
  {
    // The engine host and the CLI run in Node (a child process / a terminal), never in
    // Obsidian's renderer: Node APIs are their job there.
    files: ["src/engines/**/*.ts", "src/cli/**/*.ts", "src/core/**/*.ts"],
    rules: {
      "obsidianmd/prefer-file-manager-trash-file": "off",
      "obsidianmd/prefer-window-timers": "off",
      "import/no-nodejs-modules": "off",
      "no-restricted-imports": "off",
    },
  },
  {
    // Only the Node side may use fetch: requestUrl exists in Obsidian's renderer alone (the plugin's
    // HTTP goes through it, src/obsidian/request-url-transport.ts). Core stays without either.
    files: ["src/engines/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "warn",
        { name: "app", message: "Avoid using the global app object. Instead use the reference provided by your plugin instance." },
        { name: "localStorage", message: "The engine host and the CLI have no vault local storage." },
      ],
    },
  },
]);
