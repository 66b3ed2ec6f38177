// Signed deliveries, as Stripe signs them: Wiredesk-Signature: t=<unix
// seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the hook's secret>. The
// timestamp is inside the signed text, so a receiver that refuses old
// timestamps refuses a captured delivery sent again later. Node's crypto
// only: a receiver may copy this file as it is.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Wiredesk-Signature";
/** How old a signature's timestamp may be, either way, by default (seconds). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const hmac = (secret: string, t: number, body: string) => createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");

/** The Wiredesk-Signature value for a body sent at `t` (unix seconds). */
export function signatureHeader(secret: string, body: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

export type Verdict = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * Whether a delivery's body came from the desk with this secret, recently:
 * the header must carry a timestamp within `toleranceSeconds` of now and a
 * v1 signature of "<t>.<body>" (any one of several, for a secret being
 * rotated). Compare the raw body as received, before any JSON parsing.
 */
export function verifySignature(
  body: string,
  header: string | null | undefined,
  secret: string,
  opts: { toleranceSeconds?: number; now?: number } = {},
): Verdict {
  if (!header) return { ok: false, reason: "no signature" };
  let t: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [k, v] = part.trim().split("=", 2);
    if (k === "t" && v && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === "v1" && v && /^[0-9a-f]{64}$/i.test(v)) signatures.push(v.toLowerCase());
  }
  if (t === undefined) return { ok: false, reason: "no timestamp in the signature" };
  if (signatures.length === 0) return { ok: false, reason: "no v1 signature" };
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  // Checked before the signature: a replay is refused however well it is signed.
  if (Math.abs(now - t) > tolerance) return { ok: false, reason: `timestamp outside the ${tolerance} s tolerance (a replay, or a clock that is off)` };
  const expected = Buffer.from(hmac(secret, t, body), "hex");
  const match = signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected));
  return match ? { ok: true, timestamp: t } : { ok: false, reason: "signature does not match" };
}
