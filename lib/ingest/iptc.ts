import type { IncomingTag } from "./types";

// IPTC code helpers shared by the feed and ninjs parsers and the exporter. Pure.

export const NINJS_SUBJECT_PREFIX = "http://cv.iptc.org/newscodes/mediatopic/";

const MEDTOP_QCODE = /^medtop:(\d{8})$/i;
const MEDTOP_URI = /^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/(\d{8})\/?$/i;
const MEDTOP_SCHEME = /^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/?$/i;

/** "medtop:02000000" or "02000000" → "http://cv.iptc.org/newscodes/mediatopic/02000000". */
export function medtopUri(code: string): string {
  const digits = code.trim().replace(MEDTOP_QCODE, "$1");
  return NINJS_SUBJECT_PREFIX + digits;
}

/** "http://cv.iptc.org/newscodes/mediatopic/02000000" → "medtop:02000000"; undefined if not one. */
export function medtopCodeFromUri(uri: string): string | undefined {
  const m = MEDTOP_URI.exec(uri.trim());
  return m ? `medtop:${m[1]}` : undefined;
}

/**
 * A media topic qcode from whatever form an input carries it in: a qcode,
 * a full URI, or a bare 8-digit code under the media-topic scheme.
 */
export function toMedtopCode(value: string, scheme?: string): string | undefined {
  const v = value.trim();
  const q = MEDTOP_QCODE.exec(v);
  if (q) return `medtop:${q[1]}`;
  const fromUri = medtopCodeFromUri(v);
  if (fromUri) return fromUri;
  if (scheme && /^\d{8}$/.test(v) && (MEDTOP_SCHEME.test(scheme.trim()) || /^medtop$/i.test(scheme.trim()))) {
    return `medtop:${v}`;
  }
  return undefined;
}

/** ISO 3166-1 alpha-2 from "de", "DE", "iso3166-1a2:DE" or "country:DE"; undefined otherwise. */
export function toIsoCountry(value: string): string | undefined {
  const m = /^(?:[a-z0-9-]+:)?([a-z]{2})$/i.exec(value.trim());
  return m ? m[1]!.toUpperCase() : undefined;
}

/** Drops repeats of the same scheme + code, keeping the first. */
export function uniqueTags(tags: IncomingTag[]): IncomingTag[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = `${t.scheme}|${t.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
