// Hostile input: markup that would run script, and inputs meant to exhaust
// the parser or reach inside the network. The in-browser check (Chromium)
// is tests/e2e/auth.spec.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizeBodyHtml } from "../../../lib/ingest/sanitize";
import { parseInput } from "../../../lib/ingest";
import { assertSafeXml } from "../../../lib/ingest/xml-guard";
import { isForbiddenAddress } from "../../../lib/server/fetch-url";
import { pageCsp, securityHeaders } from "../../../lib/security-headers";

const PAYLOADS = [
  `<script>window.__pwned = 1</script>`,
  `<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
  `<img src=x onerror="window.__pwned=1">`,
  `<svg onload=alert(1)><circle/></svg>`,
  `<a href="javascript:alert(1)">click</a>`,
  `<a href="JaVaScRiPt:alert(1)">click</a>`,
  `<a href="java&#x09;script:alert(1)">click</a>`,
  `<a href="&#106;avascript:alert(1)">click</a>`,
  `<a href="  javascript:alert(1)">click</a>`,
  `<a href="data:text/html,<script>alert(1)</script>">click</a>`,
  `<a href="vbscript:msgbox(1)">click</a>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<object data="x.swf"></object><embed src="x.swf">`,
  `<p onclick="alert(1)" style="background:url(javascript:alert(1))">text</p>`,
  `<form action="javascript:alert(1)"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<base href="javascript:alert(1)//">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
  `<p>ok</p><!--<img src=x onerror=alert(1)>-->`,
  `<details open ontoggle=alert(1)>`,
  `<a href="https://example.org/" onmouseover="alert(1)" target="_blank">fine link</a>`,
  `<div><p>nested <b onmouseover=alert(1)>bold</b></p></div>`,
  `<template><script>alert(1)</script></template>`,
  `<scr<script>ipt>alert(1)</scr</script>ipt>`,
];

/** What must never survive into a page: script, handlers, script URLs, active embeds. */
function dangerous(html: string): string | null {
  const checks: [RegExp, string][] = [
    [/<\s*script/i, "script tag"],
    [/<\s*(iframe|object|embed|svg|math|form|meta|base|style|template|details)\b/i, "active element"],
    [/\son[a-z]+\s*=/i, "event handler"],
    [/(javascript|vbscript|data)\s*:/i, "script URL"],
    [/\sstyle\s*=/i, "style attribute"],
  ];
  for (const [re, what] of checks) if (re.test(html.replace(/&lt;[^]*?&gt;/g, ""))) return what;
  return null;
}

describe("ingested HTML is sanitized", () => {
  it.each(PAYLOADS)("defuses %s", (payload) => {
    const out = sanitizeBodyHtml(`<p>Story</p>${payload}<p>end</p>`, { baseUrl: "https://news.example/" });
    expect(dangerous(out), out).toBeNull();
    expect(out).toContain("Story");
  });

  it("keeps the text of links it cannot keep", () => {
    const out = sanitizeBodyHtml(`<p><a href="javascript:alert(1)">the report</a></p>`);
    expect(out).toContain("the report");
    expect(out).not.toContain("<a");
  });

  it("defuses any mix of hostile fragments and text (property)", () => {
    const fragment = fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 20 }).map((s) => `<p>${s}</p>`), fc.constantFrom("<", ">", "\"", "'", "&", "<p", "</a>", "<a href='"));
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), (parts) => {
        const out = sanitizeBodyHtml(parts.join(""));
        expect(dangerous(out), out).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it("sanitizes at ingest: a hostile HTML page is stored clean", () => {
    const page = `<!doctype html><html><head><title>Harbour reopens - Post</title></head><body><article><h1>Harbour reopens</h1>
      <p>The harbour reopened on Monday after a week of storms, the port authority said in a statement.</p>
      ${PAYLOADS.join("\n")}
      <p>Ferries will run on the normal timetable from Tuesday, officials added, after inspections of the quay.</p></article></body></html>`;
    const r = parseInput(new TextEncoder().encode(page), { name: "hostile.html", ingestTime: new Date("2026-11-28T00:00:00Z") });
    const a = r.articles[0];
    expect(a?.bodyHtml).toBeDefined();
    expect(dangerous(a!.bodyHtml!), a!.bodyHtml).toBeNull();
    // Script bodies never become story text (split tag names may leave inert words, never code that runs).
    expect(a!.bodyText).not.toMatch(/__pwned/);
  });
});

describe("parser and network abuse is refused", () => {
  it("refuses XML entity expansion and external entities before parsing", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>`;
    expect(() => assertSafeXml(laughs, "laughs.xml")).toThrow(/entity declarations are not allowed/);
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>`;
    expect(() => assertSafeXml(xxe, "xxe.xml")).toThrow(/entity/);
  });

  it.each(["127.0.0.1", "10.0.0.5", "169.254.169.254", "192.168.1.1", "::1", "fd00::1", "::ffff:127.0.0.1", "0.0.0.0"])("refuses to fetch from %s (SSRF)", (addr) => {
    expect(isForbiddenAddress(addr)).toBe(true);
  });
});

describe("security headers", () => {
  it("has a strict page policy: nonce scripts, no eval outside development, no framing, no plugins", () => {
    const csp = pageCsp("abc123");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(pageCsp("n", true)).toContain("'unsafe-eval'");
    expect(securityHeaders.map((h) => h.key)).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"]));
  });
});
