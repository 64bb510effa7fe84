// Writes SHA-256 checksums in the format `sha256sum -c` reads ("<hex>  <name>" per line).
//   node scripts/release-checksums.mjs <out-file> <file>...
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [out, ...files] = process.argv.slice(2);
if (!out || files.length === 0) {
  console.error("usage: node scripts/release-checksums.mjs <out-file> <file>...");
  process.exit(2);
}
const lines = files.map((file) => `${createHash("sha256").update(readFileSync(file)).digest("hex")}  ${path.basename(file)}`);
writeFileSync(out, `${lines.join("\n")}\n`);
console.log(lines.join("\n"));
