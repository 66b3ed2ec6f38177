import { createHash } from "node:crypto";

// Text helpers shared by every format parser. Pure: no I/O.

/** Collapse runs of whitespace and trim; keeps paragraph breaks as "\n\n". */
export function cleanParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n+/)
    .map((p) => p.replace(/[ \t\f\v\u00a0]+/g, " ").replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

/** Collapse all whitespace to single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The form two copies must share to be the same text: case, punctuation,
 * quotes, diacritics and whitespace are normalised away.
 */
export function normalizeForHash(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Content hash of a body: equal for texts that differ only in form. */
export function contentHash(bodyText: string): string {
  return createHash("sha256").update(normalizeForHash(bodyText)).digest("hex");
}

export function slug(text: string): string {
  return (
    normalizeForHash(text)
      .replace(/\s+/g, "-")
      .slice(0, 48)
      .replace(/-+$/, "") || "unknown"
  );
}

/**
 * A stable uri for an item that carries no id or link of its own: the same
 * source and headline always give the same uri, so a corrected text from the
 * same source updates the item instead of creating another.
 */
export function deriveUri(sourceName: string, headline: string): string {
  const h = createHash("sha256").update(normalizeForHash(headline)).digest("hex").slice(0, 20);
  return `urn:wiredesk:${slug(sourceName)}:${h}`;
}

/** A Date from an input's date string; undefined when absent or unparseable (never an error). */
export function parseDate(value: string | undefined | null): Date | undefined {
  if (typeof value !== "string" || !value.trim()) return undefined;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * A source name for an input that names none: the host of a URL, or a file
 * name without its extension.
 */
export function sourceFromName(name: string): string {
  if (/^https?:\/\//i.test(name)) {
    try {
      return new URL(name).hostname.replace(/^www\./, "");
    } catch {
      // fall through to the file-name rule
    }
  }
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]+$/, "").trim() || "unknown";
}

/** An absolute http(s) URL (resolved against base), or undefined: "javascript:" and friends are not links. */
export function toHttpUrl(value: string | undefined | null, base?: string): string | undefined {
  const v = typeof value === "string" ? value.trim() : "";
  if (!v) return undefined;
  try {
    const url = new URL(v, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON.parse error's message, with "at position N" also given as a line for people. */
export function describeJsonError(error: unknown, src?: string): string {
  const msg = error instanceof Error ? error.message : String(error);
  const pos = /at position (\d+)/.exec(msg);
  if (!src || !pos || /\bline \d+/.test(msg)) return msg;
  const before = src.slice(0, Number(pos[1]));
  const line = before.split("\n").length;
  return `${msg} (line ${line})`;
}

// Control characters a text field never needs (tab, line feed and carriage return stay).
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * A string as JSON decoded it, made safe to store: JSON escapes can spell
 * what the raw bytes were cleaned of (`\u0000`, a lone `\ud800`). NULs and
 * other control characters go; a lone surrogate becomes U+FFFD, as a decoder
 * would have made of the bytes.
 */
export function cleanDecodedString(s: string): string {
  return s.replace(CONTROL_RE, "").toWellFormed();
}

/** JSON.parse, with every string (keys too) cleaned as cleanDecodedString does. */
export function parseJsonClean(text: string): unknown {
  return JSON.parse(text, function (this: Record<string, unknown>, key, value: unknown) {
    if (typeof value === "string") return cleanDecodedString(value);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      // Keys are not passed through the reviver as values: clean those that need it.
      for (const k of Object.keys(value)) {
        const ck = cleanDecodedString(k);
        if (ck !== k) {
          const v = (value as Record<string, unknown>)[k];
          delete (value as Record<string, unknown>)[k];
          // defineProperty: a cleaned key of "__proto__" stays a plain key, never the prototype.
          Object.defineProperty(value, ck, { value: v, enumerable: true, writable: true, configurable: true });
        }
      }
    }
    return value;
  });
}
