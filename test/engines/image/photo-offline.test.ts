/**
 * The photo engines never reach for the network: the engine host runs inside a fresh network
 * namespace (`unshare -rn`, no interfaces but loopback-down) and still reads Spanish text
 * with Tesseract (data from @tesseract.js-data/*, not the CDN) and falls back to PaddleOCR.
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS } from "../../../src/core/processing/engine-options";
import type { HostResponse } from "../../../src/engines/host/protocol";

const HOST = path.resolve(__dirname, "../../../dist/engine-host.js");
const SHARED_OCR = path.resolve(__dirname, "../../../../shared/testdata/ocr");
const canIsolate = spawnSync("unshare", ["-rn", "true"]).status === 0;

/** Runs the given images through a host started without network, returning each result. */
function processOffline(files: string[]): Promise<HostResponse[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("unshare", ["-rn", process.execPath, HOST], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
    const results: HostResponse[] = [];
    const send = () =>
      child.send({ type: "process", id: String(results.length), job: { path: "x", absPath: files[results.length], kind: "image" }, options: DEFAULT_ENGINE_OPTIONS });
    child.on("message", (message: HostResponse) => {
      if (message.type === "ready") return send();
      if (message.type !== "result" && message.type !== "error") return;
      results.push(message);
      if (results.length < files.length) return send();
      child.disconnect();
      resolve(results);
    });
    child.on("error", reject);
  });
}

(canIsolate ? test : test.skip)("OCR with no network: Tesseract reads ñ, PaddleOCR takes over a tilted photo", async () => {
  const [spanish, careLabel] = await processOffline([path.join(SHARED_OCR, "synthetic_es.png"), path.join(SHARED_OCR, "gutenye_en-01.jpg")]);
  expect(spanish).toMatchObject({ type: "result", findings: { image: { ocrLines: expect.arrayContaining(["Mañana iré a la montaña"]) } } });
  // Tesseract reads this curved, tilted care label poorly; the strategy asks PaddleOCR.
  // Boxes on one row are one line: the temperature and its instruction, the rule and its solvent.
  expect(careLabel).toMatchObject({ type: "result", findings: { image: { ocrLines: expect.arrayContaining(["30C MACHINE WASH COLD", "DRY CLEAN ANY SOLVENT EXCEPT TRICHLOROETHYLENE"]) } } });
  // Text only PaddleOCR could read was photographed: not a "screenshot" (large print on a light
  // surface reads as a board), and the description quotes the label.
  const image = careLabel.type === "result" ? careLabel.findings.image : undefined;
  expect(image?.imageKind).not.toBe("screenshot");
  expect(image?.description).toContain("«30C MACHINE WASH COLD»");
}, 120_000);
