// The same-origin check for writes (CSRF), which the route wrapper
// (lib/server/http/route.ts) makes before it looks at the session.
import "server-only";
import { env } from "../env";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write from another site is refused: browsers send Origin (and
 * Sec-Fetch-Site) with every POST, so a page elsewhere cannot post with the
 * editor's cookie. Clients that send neither (scripts) are not browsers and
 * carry no ambient cookie to abuse; they still need a session.
 */
export function crossSiteReason(req: Request): string | null {
  if (SAFE.has(req.method)) return null;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `cross-site request (${site})`;
  const origin = req.headers.get("origin");
  if (!origin) return null;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "unreadable Origin header";
  }
  const config = env();
  const trusted = [config.WIREDESK_URL, ...config.WIREDESK_TRUSTED_ORIGINS].filter(Boolean).map((o) => new URL(o!).host);
  if (originHost !== host && !trusted.includes(originHost)) return `origin ${origin} is not this desk`;
  return null;
}
