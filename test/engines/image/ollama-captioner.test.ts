/** The Ollama captioner against a loopback stand-in that answers with recorded-style responses. */
import { sharpPhotoDecoder } from "../../../src/engines/image/decode-image";
import path from "node:path";
import { OllamaCaptioner, parseOllamaAnswer } from "../../../src/engines/image/ollama-captioner";
import { recordedAnswer, startOllamaStandIn } from "./ollama-stand-in";

const PHOTO = path.resolve(__dirname, "../../../../shared/testdata/photos_coco/000000000802.jpg");
const signal = () => new AbortController().signal;

test("asks in Spanish with the image attached and reads the JSON answer", async () => {
  const ollama = await startOllamaStandIn(recordedAnswer("generate-es.json"), ["llama3.2-vision:11b"]);
  try {
    const caption = await new OllamaCaptioner(ollama.url, "llama3.2-vision:11b", sharpPhotoDecoder).caption(PHOTO, "es", signal());
    expect(caption).toEqual({
      text: "Sala de juntas con ocho personas alrededor de una mesa rectangular; en la pared hay notas adhesivas verdes, amarillas y rosas.",
      language: "es",
      source: "ollama:llama3.2-vision:11b",
      peopleCount: 8,
    });
    const [request] = ollama.requests;
    expect(request.path).toBe("/api/generate");
    expect(request.body).toMatchObject({ model: "llama3.2-vision:11b", stream: false });
    expect(String(request.body.prompt)).toContain("en español");
    // The photo travels as a downscaled base64 JPEG.
    const image = Buffer.from((request.body.images as string[])[0], "base64");
    expect(image.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  } finally {
    await ollama.close();
  }
});

test("an English prompt, and a model that answers in prose instead of JSON", async () => {
  const ollama = await startOllamaStandIn(recordedAnswer("generate-en-prose.json"), ["llava:7b"]);
  try {
    const caption = await new OllamaCaptioner(ollama.url, "llava:7b", sharpPhotoDecoder).caption(PHOTO, "en", signal());
    expect(caption?.text).toBe("Several monitors show real-time performance charts while a person with headphones takes notes.");
    expect(caption?.peopleCount).toBeUndefined();
    expect(String(ollama.requests[0].body.prompt)).toContain("in English");
  } finally {
    await ollama.close();
  }
});

test("a model Ollama does not have is a clear no-model error", async () => {
  const ollama = await startOllamaStandIn(recordedAnswer("generate-es.json"), ["llava:7b"]);
  try {
    await expect(new OllamaCaptioner(ollama.url, "qwen2.5vl:7b", sharpPhotoDecoder).caption(PHOTO, "es", signal())).rejects.toMatchObject({
      code: "no-model",
      message: expect.stringContaining("ollama pull qwen2.5vl:7b"),
    });
  } finally {
    await ollama.close();
  }
});

test("nobody listening, a timeout and a cancel each end with a clear error", async () => {
  await expect(new OllamaCaptioner("http://127.0.0.1:9", "llava:7b", sharpPhotoDecoder).caption(PHOTO, "es", signal())).rejects.toMatchObject({ code: "no-model" });
  // A model that never answers: the time limit or the cancel is the only way out.
  const slow = await startOllamaStandIn(recordedAnswer("generate-es.json"), ["llava:7b"], true);
  try {
    await expect(new OllamaCaptioner(slow.url, "llava:7b", sharpPhotoDecoder, 200).caption(PHOTO, "es", signal())).rejects.toMatchObject({
      code: "no-model",
      message: expect.stringContaining("no answer within"),
    });
    const controller = new AbortController();
    const arrived = slow.nextRequest();
    const pending = new OllamaCaptioner(slow.url, "llava:7b", sharpPhotoDecoder).caption(PHOTO, "es", controller.signal);
    await arrived;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "cancelled" });
  } finally {
    await slow.close();
  }
});

test("answer parsing: JSON, JSON wrapped in prose, prose, and nothing", () => {
  expect(parseOllamaAnswer('{"description": "Una pizarra.", "people": 0}')).toEqual({ description: "Una pizarra.", people: 0 });
  expect(parseOllamaAnswer('Here you go: {"description": "A desk.", "people": 1.2}')).toEqual({ description: "A desk.", people: 1 });
  expect(parseOllamaAnswer("A desk with two laptops.")).toEqual({ description: "A desk with two laptops." });
  expect(parseOllamaAnswer("")).toBeUndefined();
  expect(parseOllamaAnswer('{"people": 2}')).toBeUndefined();
});
