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
