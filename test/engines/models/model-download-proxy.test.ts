/**
 * Model downloads through a proxy named by HTTPS_PROXY / HTTP_PROXY / NO_PROXY, against a real
 * loopback proxy (absolute-URL requests and CONNECT tunnels) and real loopback HTTP and HTTPS
 * servers (a certificate made by openssl for the test). No internet.
 */
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net, { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { downloadModelFile, ModelDownloadError } from "../../../src/engines/models/model-download";
import { proxyFor } from "../../../src/engines/models/proxy";

const payload = randomBytes(256 * 1024 + 3);
const sha256 = createHash("sha256").update(payload).digest("hex");
let dir: string;
let cert: string;
let key: string;
const closers: (() => void)[] = [];

const serve = (req: http.IncomingMessage, res: http.ServerResponse) => res.writeHead(200, { "content-length": payload.length }).end(payload);
const listen = async (server: net.Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => server.close());
  return (server.address() as AddressInfo).port;
};

/** A forwarding proxy that logs what it was asked; with `password`, it wants Basic credentials. */
async function startProxy(password?: string) {
  const seen: string[] = [];
  const authorized = (header: string | undefined) => !password || header === `Basic ${Buffer.from(`ana:${password}`).toString("base64")}`;
  const proxy = http.createServer((req, res) => {
    seen.push(`GET ${req.url}`);
    if (!authorized(req.headers["proxy-authorization"])) return void res.writeHead(407).end();
    http.get(req.url!, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(res);
    });
  });
  proxy.on("connect", (req: http.IncomingMessage, client: net.Socket) => {
    seen.push(`CONNECT ${req.url}`);
    if (!authorized(req.headers["proxy-authorization"])) return void client.end("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n");
    const [host, port] = req.url!.split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  return { url: `http://127.0.0.1:${await listen(proxy)}`, seen };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "bitacora-proxy-"));
  const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  cert = readFileSync(path.join(dir, "cert.pem"), "utf8");
  key = readFileSync(path.join(dir, "key.pem"), "utf8");
});
afterAll(() => {
  closers.forEach((close) => close());
  rmSync(dir, { recursive: true, force: true });
});

test("an https model goes through the proxy's CONNECT tunnel, TLS still checked against the model's host", async () => {
  const origin = `https://127.0.0.1:${await listen(https.createServer({ cert, key }, serve))}`;
  const proxy = await startProxy();
  const result = await downloadModelFile({ url: `${origin}/model.bin`, destPath: path.join(dir, "a.bin"), sha256, env: { HTTPS_PROXY: proxy.url }, ca: cert });
  expect(result.sha256).toBe(sha256);
  expect(proxy.seen).toEqual([`CONNECT ${new URL(origin).host}`]);
  // Without the certificate trusted, the tunnel does not weaken the check.
  await expect(downloadModelFile({ url: `${origin}/model.bin`, destPath: path.join(dir, "b.bin"), sha256, env: { https_proxy: proxy.url } })).rejects.toBeInstanceOf(ModelDownloadError);
});

test("an http model is asked from the proxy by its full URL, with the proxy's credentials", async () => {
  const origin = `http://127.0.0.1:${await listen(http.createServer(serve))}`;
  const proxy = await startProxy("sécret");
  const proxyUrl = proxy.url.replace("http://", `http://ana:${encodeURIComponent("sécret")}@`);
  await downloadModelFile({ url: `${origin}/model.bin`, destPath: path.join(dir, "c.bin"), sha256, env: { HTTP_PROXY: proxyUrl } });
  expect(proxy.seen).toEqual([`GET ${origin}/model.bin`]);
  const refused = downloadModelFile({ url: `${origin}/model.bin`, destPath: path.join(dir, "d.bin"), sha256, env: { HTTP_PROXY: proxy.url } });
  await expect(refused).rejects.toThrow(/HTTP 407/);
});

test("NO_PROXY hosts are reached directly", async () => {
  const origin = `http://127.0.0.1:${await listen(http.createServer(serve))}`;
  const proxy = await startProxy();
  await downloadModelFile({ url: `${origin}/model.bin`, destPath: path.join(dir, "e.bin"), sha256, env: { HTTP_PROXY: proxy.url, NO_PROXY: "localhost,127.0.0.1" } });
  expect(proxy.seen).toEqual([]);
});

test("which proxy applies to which address", () => {
  const env = { HTTPS_PROXY: "proxy.corp:3128", http_proxy: "http://p2:8080", NO_PROXY: ".internal, localhost, 10.0.0.1:8443" };
  expect(proxyFor(new URL("https://huggingface.co/x"), env)?.href).toBe("http://proxy.corp:3128/");
  expect(proxyFor(new URL("http://example.org/x"), env)?.href).toBe("http://p2:8080/");
  expect(proxyFor(new URL("https://models.internal/x"), env)).toBeUndefined();
  expect(proxyFor(new URL("https://internal/x"), env)).toBeUndefined();
  expect(proxyFor(new URL("http://localhost:9000/x"), env)).toBeUndefined();
  expect(proxyFor(new URL("https://10.0.0.1:8443/x"), env)).toBeUndefined();
  expect(proxyFor(new URL("https://10.0.0.1/x"), env)?.host).toBe("proxy.corp:3128");
  expect(proxyFor(new URL("https://huggingface.co/x"), {})).toBeUndefined();
  expect(proxyFor(new URL("https://huggingface.co/x"), { HTTPS_PROXY: "x", NO_PROXY: "*" })).toBeUndefined();
});
