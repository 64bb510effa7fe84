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
  },
  {
    // The engine host and the CLI run in Node (a child process / a terminal), never in
    // Obsidian's renderer: Node APIs are their job there.
    files: ["src/engines/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "obsidianmd/prefer-file-manager-trash-file": "off",
      "import/no-nodejs-modules": "off",
      "no-restricted-imports": "off",
    },
  },
]);
