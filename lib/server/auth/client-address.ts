// Who is signing in, as far as the desk can tell: the address the connection
// came from (the web server puts it in X-Wiredesk-Peer, replacing whatever a
// client sent), and X-Forwarded-For only when that connection is from a proxy
// the desk was told to trust (WIREDESK_TRUSTED_PROXIES). A client that sets
// its own X-Forwarded-For gains nothing: it is not a trusted proxy, so the
// header is ignored and its own address is what the sign-in limit counts.
import "server-only";
import ipaddr from "ipaddr.js";

/** Set by scripts/serve.mjs from the socket on every request (any incoming value is replaced). */
export const PEER_HEADER = "x-wiredesk-peer";
/** The resolved client address, set by the auth handler for better-auth's rate limiter (any incoming value is dropped). */
export const CLIENT_HEADER = "x-wiredesk-client";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses WIREDESK_TRUSTED_PROXIES entries (addresses or CIDR ranges); throws naming the first bad one. */
export function parseTrustedProxies(entries: string[]): Range[] {
  return entries.map((entry) => {
    try {
      if (entry.includes("/")) return ipaddr.parseCIDR(entry);
      const a = ipaddr.process(entry);
      return [a, a.kind() === "ipv4" ? 32 : 128] as Range;
    } catch {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
  });
}

/** An address in canonical form (IPv4-mapped IPv6 as IPv4), or null when it is not one. */
function address(raw: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const s = raw.trim().replace(/^\[(.*)\]$/, "$1");
  return ipaddr.isValid(s) ? ipaddr.process(s) : null;
}

function trusted(a: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]): boolean {
  return ranges.some(([net, bits]) => net.kind() === a.kind() && a.match([net, bits] as never));
}

/**
 * The client's address: the peer itself unless it is a trusted proxy; then
 * X-Forwarded-For read from the right, past every trusted proxy, to the first
 * address that is not one (a malformed entry stops the walk at the last
 * trusted hop). Null without a peer (a request that did not come through the
 * desk's web server: tests, `next dev`).
 */
export function clientAddress(headers: Headers, ranges: Range[]): string | null {
  const peer = address(headers.get(PEER_HEADER) ?? "");
  if (!peer) return null;
  if (!trusted(peer, ranges)) return peer.toString();
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  let last = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = address(hops[i]!);
    if (!hop) return last.toString();
    if (!trusted(hop, ranges)) return hop.toString();
    last = hop;
  }
  return last.toString();
}

/** The scheme the browser used: the forwarded one a proxy (or Next's server, from the socket) gave, else the URL's. */
export function requestScheme(req: Request): "http" | "https" {
  const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "http" || forwarded === "https") return forwarded;
  return new URL(req.url).protocol === "https:" ? "https" : "http";
}
