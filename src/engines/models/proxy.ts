/**
 * Model downloads through the proxy the user's environment names (HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY, upper or lower case), as curl and most tools do: an http:// model is asked from the
 * proxy by its full URL; an https:// model goes through a CONNECT tunnel, so the TLS session (and
 * its certificate check) is still with the model's host.
 */
import http from "node:http";
import { isIP, type Socket } from "node:net";
import tls from "node:tls";

const envValue = (env: NodeJS.ProcessEnv, name: string) => env[name.toUpperCase()] || env[name.toLowerCase()] || undefined;

/** NO_PROXY entries: `*`, a host, `.domain` or `domain` (and its subdomains), optionally with a port. */
function bypassed(target: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const port = target.port || (target.protocol === "https:" ? "443" : "80");
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      if (raw === "*") return true;
      const [entryHost, entryPort] = raw.toLowerCase().replace(/^\*?\./, ".").split(/:(?=\d+$)/);
      if (entryPort && entryPort !== port) return false;
      const bare = entryHost.replace(/^\./, "");
      return host === bare || host.endsWith(`.${bare}`);
    });
}

/** The proxy for this URL, or undefined to connect directly. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv = process.env): URL | undefined {
  if (bypassed(target, envValue(env, "no_proxy"))) return undefined;
  const value = target.protocol === "https:" ? envValue(env, "https_proxy") : envValue(env, "http_proxy");
  if (!value) return undefined;
  try {
    return new URL(value.includes("://") ? value : `http://${value}`);
  } catch {
    throw new Error(`The proxy setting "${value}" is not a URL.`);
  }
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { "proxy-authorization": `Basic ${Buffer.from(credentials).toString("base64")}` };
}

/** Request options that send a plain-HTTP request to the proxy with the full URL. */
export function viaHttpProxy(target: URL, proxy: URL): http.RequestOptions {
  return {
    host: proxy.hostname,
    port: Number(proxy.port) || 80,
    path: target.href,
    headers: { host: target.host, ...proxyAuthorization(proxy) },
  };
}

/** A createConnection for https.request that opens a CONNECT tunnel through the proxy, then TLS to the target. */
export function tunnelThrough(target: URL, proxy: URL, signal?: AbortSignal) {
  return (options: tls.ConnectionOptions, done: (error: Error | null, socket?: Socket) => void): undefined => {
    const authority = `${target.hostname}:${target.port || 443}`;
    const connect = http.request({
      host: proxy.hostname,
      port: Number(proxy.port) || 80,
      method: "CONNECT",
      path: authority,
      headers: { host: authority, ...proxyAuthorization(proxy) },
      signal,
    });
    connect.once("connect", (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        done(new Error(`the proxy ${proxy.host} refused the tunnel (HTTP ${response.statusCode})`));
        return;
      }
      // SNI takes host names only (RFC 6066), never an IP address.
      done(null, tls.connect({ ...options, socket, ...(isIP(target.hostname) ? {} : { servername: target.hostname }) }));
    });
    connect.once("error", (error) => done(error));
    connect.end();
    return undefined;
  };
}
