/**
 * Damaged and hostile images through the real engine host (dist/engine-host.js): each ends
 * with a clear EngineError for the entry, quickly, and the host keeps serving the next photo.
 */
import path from "node:path";
import { DEFAULT_ENGINE_OPTIONS } from "../../../src/core/processing/engine-options";
import { EngineClient } from "../../../src/engines/host/engine-client";
import { BAD_INPUT_VERDICTS, FIXTURES, writeBadInputs, type BadInputs } from "./photo-inputs";

const client = new EngineClient({ hostScript: path.resolve(__dirname, "../../../dist/engine-host.js") });
let inputs: BadInputs;
beforeAll(async () => {
  inputs = await writeBadInputs();
});
afterAll(() => client.dispose());

const run = (absPath: string) =>
  client.process({ path: path.basename(absPath), absPath, kind: "image" }, DEFAULT_ENGINE_OPTIONS, new AbortController().signal);

test.each(BAD_INPUT_VERDICTS)("%s → %s", async (name, code, message) => {
  // Refused from the header or the first damaged bytes (the messages say which), not after
  // decoding gigapixels.
  await expect(run(inputs.files[name])).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
});

test("after every bad file the same host still describes a good photo", async () => {
  const findings = await run(path.join(FIXTURES, "dashboard_services.png"));
  expect(findings.image?.imageKind).toBe("dashboard");
});
