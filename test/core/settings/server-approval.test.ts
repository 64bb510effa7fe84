import { engineOptionsFor } from "../../../src/core/service/engine-options-for";
import { isLoopbackUrl, serverApproved, serverOrigin } from "../../../src/core/settings/server-approval";
import { DEFAULT_DEVICE_SETTINGS, DEFAULT_SETTINGS } from "../../../src/core/settings/settings";

test.each([
  ["http://127.0.0.1:11434", true],
  ["http://127.8.0.1:11434/", true],
  ["http://localhost:11434", true],
  ["http://[::1]:11434", true],
  ["http://0.0.0.0:11434", false],
  ["http://192.168.1.20:11434", false],
  ["https://ollama.example.org", false],
  ["http://127.0.0.1.attacker.example:80", false],
  ["file:///etc/passwd", false],
  ["not a url", false],
])("isLoopbackUrl(%j) is %j", (url, loopback) => {
  expect(isLoopbackUrl(url)).toBe(loopback);
});

test("an approval is for a scheme, host and port, as the device stored it", () => {
  expect(serverOrigin(" http://192.168.1.20:11434/api ")).toBe("http://192.168.1.20:11434");
  expect(serverApproved("http://192.168.1.20:11434", [])).toBe(false);
  expect(serverApproved("http://192.168.1.20:11434/", ["http://192.168.1.20:11434"])).toBe(true);
  expect(serverApproved("http://192.168.1.20:8080", ["http://192.168.1.20:11434"])).toBe(false);
  expect(serverApproved("https://192.168.1.20:11434", ["http://192.168.1.20:11434"])).toBe(false);
  expect(serverApproved("http://127.0.0.1:11434", [])).toBe(true);
});

test("the engine gets an Ollama address from synced settings only when this device allows it", () => {
  const settings = { ...DEFAULT_SETTINGS, captioner: "ollama" as const, ollamaUrl: "http://10.0.0.7:11434" };
  expect(engineOptionsFor(settings, DEFAULT_DEVICE_SETTINGS, []).ollama).toBeUndefined();
  const allowed = { ...DEFAULT_DEVICE_SETTINGS, approvedServers: ["http://10.0.0.7:11434"] };
  expect(engineOptionsFor(settings, allowed, []).ollama).toEqual({ url: "http://10.0.0.7:11434", model: "llava" });
  expect(engineOptionsFor({ ...settings, ollamaUrl: "http://127.0.0.1:11434" }, DEFAULT_DEVICE_SETTINGS, []).ollama).toBeDefined();
});
