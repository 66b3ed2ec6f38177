// The security headers every response carries, and the page CSP. Pure, so
// next.config.ts, proxy.ts and the tests share one definition.

/**
 * The strict policy for pages: scripts only from this origin with this
 * request's nonce (Next adds it to its own scripts), no eval outside
 * development, no plugins, no framing, forms and base URLs to this origin.
 * Style attributes stay allowed (React sets them; they cannot run script).
 */
/**
 * The two style elements the toast library (sonner) inserts when it loads,
 * allowed by their exact content: the empty element it appends first, then
 * its stylesheet. Nothing else inline is allowed. tests/unit/security checks
 * these against the installed sonner, so an upgrade cannot silently unstyle
 * the toasts.
 */
export const TOAST_STYLE_HASHES = ["sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY="];

export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}' ${TOAST_STYLE_HASHES.map((h) => `'${h}'`).join(" ")}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API responses are data, never documents: nothing may run or frame them. */
export const apiCsp = "default-src 'none'; frame-ancestors 'none'";

export const securityHeaders: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];
