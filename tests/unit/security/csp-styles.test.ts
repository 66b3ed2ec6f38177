// The page CSP allows exactly the style elements the toast library inserts:
// their hashes are computed here from the installed library, so an upgrade
// that changes its stylesheet fails this test instead of unstyling toasts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { pageCsp, TOAST_STYLE_HASHES } from "../../../lib/security-headers";

const require = createRequire(import.meta.url);
const sha256 = (s: string) => `sha256-${createHash("sha256").update(s).digest("base64")}`;

function sonnerStylesheet(): string {
  const src = readFileSync(require.resolve("sonner").replace(/index\.js$/, "index.mjs"), "utf8");
  const at = src.indexOf('__insertCSS("');
  expect(at, "sonner no longer inserts its stylesheet this way: review the CSP").toBeGreaterThan(-1);
  const start = at + "__insertCSS(".length;
  let end = start + 1;
  while (!(src[end] === '"' && src[end - 1] !== "\\")) end++;
  return JSON.parse(src.slice(start, end + 1)) as string;
}

describe("page CSP and the toast library's styles", () => {
  it("allows the empty style element and the stylesheet sonner inserts, by hash", () => {
    expect(TOAST_STYLE_HASHES).toEqual([sha256(""), sha256(sonnerStylesheet())]);
  });

  it("allows no other inline style element", () => {
    const styleSrc = pageCsp("abc").split("; ").find((d) => d.startsWith("style-src "))!;
    expect(styleSrc).not.toMatch(/unsafe-inline/);
    expect(styleSrc.split(" ").filter((t) => t.startsWith("'sha256-"))).toHaveLength(2);
  });
});
