#!/usr/bin/env node
// Entry point of the `bitacora` command; the bundle is built by `npm run build`.
const path = require("node:path");
const fs = require("node:fs");
const cli = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(cli)) {
  process.stderr.write("bitacora: the CLI is not built yet. Run `npm run build` in the project folder first.\n");
  process.exit(1);
}
require(cli).main(process.argv.slice(2)).then((code) => process.exit(code));
