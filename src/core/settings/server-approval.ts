/**
 * A server address in the synced data.json could have been written by anything that syncs the
 * vault. Photos go to it only when it is this computer (loopback) or the user approved it on this
 * device (device-local settings, never synced).
 */

/** The scheme, host and port an approval is for, or null when the text is not an http(s) URL. */
export function serverOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function isLoopbackUrl(url: string): boolean {
  const origin = serverOrigin(url);
  if (!origin) return false;
  const host = new URL(origin).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** True when photos may be sent to `url` from this device. */
export function serverApproved(url: string, approvedOrigins: readonly string[]): boolean {
  const origin = serverOrigin(url);
  return origin !== null && (isLoopbackUrl(url) || approvedOrigins.includes(origin));
}
