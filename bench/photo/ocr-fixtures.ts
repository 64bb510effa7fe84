/** The OCR test images with their expected lines: shared test data plus our rendered fixtures. */
import { readFileSync } from "node:fs";
import path from "node:path";

export interface OcrFixture {
  file: string;
  absPath: string;
  expectedLines: string[];
  source: "shared" | "rendered";
}

export function loadOcrFixtures(repoRoot: string): OcrFixture[] {
  const shared = path.resolve(repoRoot, "../shared/testdata/ocr");
  const rendered = path.resolve(repoRoot, "test/fixtures/images");
  const fixtures: OcrFixture[] = [];
  const care = JSON.parse(readFileSync(path.join(shared, "expected.json"), "utf8")) as { file: string; expected_lines: string[] }[];
  for (const item of care) fixtures.push({ file: item.file, absPath: path.join(shared, item.file), expectedLines: item.expected_lines, source: "shared" });
  const spanish = JSON.parse(readFileSync(path.join(shared, "expected_synthetic_es.json"), "utf8")) as { file: string; ground_truth_lines: string[] };
  fixtures.push({ file: spanish.file, absPath: path.join(shared, spanish.file), expectedLines: spanish.ground_truth_lines, source: "shared" });
  const ours = JSON.parse(readFileSync(path.join(rendered, "expected.json"), "utf8")) as { file: string; expected_lines: string[] }[];
  for (const item of ours) fixtures.push({ file: item.file, absPath: path.join(rendered, item.file), expectedLines: item.expected_lines, source: "rendered" });
  return fixtures;
}
