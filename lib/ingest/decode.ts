import { IngestInputError } from "./types";

// Bytes → text for every input format. Wire copy and scraped pages arrive in
// whatever encoding the sender had; the desk must never lose their words.

/** Inputs larger than this are refused before decoding (20 MiB). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** How much of the input the binary and UTF-16 sniffers look at. */
const SNIFF_BYTES = 8 * 1024;
/** Share of control bytes above which an input is treated as binary. */
const MAX_CONTROL_RATIO = 0.1;

/** windows-1252 code points for bytes 0x80-0x9F; the rest of 0xA0-0xFF equals Latin-1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Labels (WHATWG) that all mean windows-1252 in practice. */
const CP1252_LABELS = new Set([
  "ansi_x3.4-1968",
  "ascii",
  "cp1252",
  "cp819",
  "csisolatin1",
  "ibm819",
  "iso-8859-1",
  "iso-ir-100",
  "iso8859-1",
  "iso88591",
  "iso_8859-1",
  "iso_8859-1:1987",
  "l1",
  "latin1",
  "us-ascii",
  "windows-1252",
  "x-cp1252",
]);

const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8"]);

type Utf16 = "utf-16le" | "utf-16be";

/**
 * Decode an uploaded or fetched input to text. Throws IngestInputError for
 * empty, oversized and binary inputs.
 */
export function decodeInput(
  bytes: Uint8Array,
  name: string,
  maxBytes: number = MAX_INPUT_BYTES,
): string {
  if (bytes.length === 0) throw new IngestInputError(name, "empty file");
  if (bytes.length > maxBytes) {
    throw new IngestInputError(name, tooLarge(bytes.length, maxBytes));
  }
  const text = decodeBytes(bytes, name);
  const clean = removeControlChars(text);
  if (!/\S/.test(clean)) throw new IngestInputError(name, "empty file");
  return clean;
}

function decodeBytes(bytes: Uint8Array, name: string): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes); // strips the BOM itself
    if (looksBinaryText(text)) throw new IngestInputError(name, "binary file, not text");
    return text;
  }
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (looksBinaryBytes(body)) throw new IngestInputError(name, "binary file, not text");
  const declared = declaredEncoding(body);
  if (declared && CP1252_LABELS.has(declared) && !isMultibyteUtf8(body)) return decodeCp1252(body);
  if (declared && !UTF8_LABELS.has(declared) && !CP1252_LABELS.has(declared)) {
    const other = decodeWithLabel(body, declared);
    if (other !== undefined) return other;
  }
  return decodeUtf8WithFallback(body);
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** UTF-16 by BOM, or by the zero-byte pattern ASCII-heavy UTF-16 without a BOM leaves. */
function utf16Encoding(b: Uint8Array): Utf16 | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  const n = Math.min(b.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** A control byte that never occurs in text (tab, newlines, form feed and escape do). */
function isBinaryControl(c: number): boolean {
  return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b;
}

function looksBinaryBytes(b: Uint8Array): boolean {
  const n = Math.min(b.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i] ?? 0;
    if (c === 0) return true;
    if (isBinaryControl(c)) controls++;
  }
  return controls > n * MAX_CONTROL_RATIO;
}

function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (isBinaryControl(c)) controls++;
  }
  return controls > n * MAX_CONTROL_RATIO;
}

/** The encoding an XML declaration or HTML meta tag names, lower-cased. */
function declaredEncoding(b: Uint8Array): string | undefined {
  // The declaration is ASCII by definition, so any single-byte view of the head will do.
  const head = decodeCp1252(b.subarray(0, 1024));
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1].toLowerCase();
  return undefined;
}

/**
 * True when the bytes hold multi-byte UTF-8 and nothing invalid: Latin-1 text
 * practically never forms valid UTF-8 sequences, so a declaration saying
 * otherwise is a mislabel (a common CMS mistake) and the bytes win.
 */
function isMultibyteUtf8(b: Uint8Array): boolean {
  let multibyte = false;
  for (let i = 0; i < b.length; ) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(b, i);
    if (len === 0) return false;
    multibyte = true;
    i += len;
  }
  return multibyte;
}

/** Decode with an encoding TextDecoder knows (e.g. windows-1251); undefined if unsupported. */
function decodeWithLabel(b: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label).decode(b);
  } catch {
    return undefined;
  }
}

function cp1252Unit(c: number): number {
  return c < 0x80 || c > 0x9f ? c : (CP1252_HIGH[c - 0x80] ?? c);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** UTF-16 code units → string in native calls, never one string per character. */
function unitsToString(units: Uint16Array): string {
  if (LITTLE_ENDIAN) return new TextDecoder("utf-16le").decode(units);
  const CHUNK = 8192; // well under the engine's limit on call arguments
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, Array.from(units.subarray(i, i + CHUNK))));
  }
  return parts.join("");
}

function decodeCp1252(b: Uint8Array): string {
  const units = new Uint16Array(b.length);
  for (let i = 0; i < b.length; i++) units[i] = cp1252Unit(b[i] ?? 0);
  return unitsToString(units);
}

/**
 * Length of the valid UTF-8 sequence starting at i, or 0 if the byte there
 * does not start one. Strict: no overlong forms, no surrogates, nothing past U+10FFFF.
 */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i] ?? 0;
  if (c >= 0xc2 && c <= 0xdf) return byteIn(b, i + 1, 0x80, 0xbf) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const ok = byteIn(b, i + 1, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf) && byteIn(b, i + 2, 0x80, 0xbf);
    return ok ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const ok =
      byteIn(b, i + 1, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf) &&
      byteIn(b, i + 2, 0x80, 0xbf) &&
      byteIn(b, i + 3, 0x80, 0xbf);
    return ok ? 4 : 0;
  }
  return 0;
}

function byteIn(b: Uint8Array, at: number, lo: number, hi: number): boolean {
  const x = b[at];
  return x !== undefined && x >= lo && x <= hi;
}

/**
 * UTF-8 where the bytes are valid UTF-8, windows-1252 for each byte that is
 * not. Our own walker because TextDecoder turns every invalid byte into
 * U+FFFD and the Latin-1 lines of a mixed-encoding file would lose their
 * letters. Valid files take the native decoder.
 */
export function decodeUtf8WithFallback(b: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    // invalid somewhere: walk the bytes
  }
  // Every byte yields at most one UTF-16 unit (a 4-byte sequence yields two).
  const units = new Uint16Array(b.length);
  let n = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    const len = c < 0x80 ? 1 : utf8SequenceLength(b, i);
    if (len === 0) {
      units[n++] = cp1252Unit(c);
      i++;
    } else if (len === 1) {
      units[n++] = c;
      i++;
    } else {
      n = writeCodePoint(units, n, utf8CodePoint(b, i, len));
      i += len;
    }
  }
  return unitsToString(units.subarray(0, n));
}

function utf8CodePoint(b: Uint8Array, i: number, len: number): number {
  const c = b[i] ?? 0;
  let cp = len === 2 ? c & 0x1f : len === 3 ? c & 0x0f : c & 0x07;
  for (let k = 1; k < len; k++) cp = (cp << 6) | ((b[i + k] ?? 0) & 0x3f);
  return cp;
}

function writeCodePoint(units: Uint16Array, n: number, cp: number): number {
  if (cp < 0x10000) {
    units[n] = cp;
    return n + 1;
  }
  const v = cp - 0x10000;
  units[n] = 0xd800 + (v >> 10);
  units[n + 1] = 0xdc00 + (v & 0x3ff);
  return n + 2;
}

/**
 * Drop C0 controls except tab, newline and carriage return, plus DEL and the
 * C1 block (never text; they come from undefined windows-1252 bytes), and a
 * BOM that survived decoding.
 */
function removeControlChars(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "");
}

function tooLarge(size: number, limit: number): string {
  const a = formatBytes(size);
  const b = formatBytes(limit);
  // Just over the limit both round alike: then the exact counts say it.
  return a === b ? `file too large: ${size} bytes, the limit is ${limit} bytes` : `file too large: ${a}, the limit is ${b}`;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
