// Runs before every page: a fresh nonce and the strict Content Security
// Policy built on it (Next reads the policy from the request and puts the
// nonce on its own scripts). Sign-in itself is checked in each page and
// route handler, where the store is; this only sets headers.
import { NextResponse, type NextRequest } from "next/server";
import { pageCsp } from "./lib/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // "api/", not "api": /api-docs is a page and needs its nonce and CSP.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
