import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_INPUT_BYTES, decodeInput, decodeUtf8WithFallback } from "../../../lib/ingest/decode";
import { IngestInputError } from "../../../lib/ingest/types";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

function utf16be(s: string): Uint8Array {
  const le = Buffer.from(s, "utf16le");
  return new Uint8Array(le.swap16());
}

describe("decodeInput: refusals", () => {
  it("refuses an empty file", () => {
    expect(() => decodeInput(new Uint8Array(0), "empty.txt")).toThrow(IngestInputError);
    expect(() => decodeInput(new Uint8Array(0), "empty.txt")).toThrow("empty.txt: empty file");
  });

  it("refuses a file of only whitespace as empty", () => {
    expect(() => decodeInput(utf8(" \n\t\r\n "), "blank.txt")).toThrow(/empty file/);
  });

  it("refuses binary input with NUL bytes", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeInput(png, "photo.png")).toThrow(/binary file, not text/);
  });

  it("refuses input dense with control bytes even without NULs", () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41));
    expect(() => decodeInput(bytes, "blob.bin")).toThrow(/binary file, not text/);
  });

  it("accepts text with a few stray control bytes and removes them", () => {
    const text = decodeInput(utf8("Head\u0001line\nbody\tcell\r\nend\u001f."), "x.txt");
    expect(text).toBe("Headline\nbody\tcell\r\nend.");
  });

  it("refuses oversize input with the default and a custom limit", () => {
    expect(MAX_INPUT_BYTES).toBe(20 * 1024 * 1024);
    expect(() => decodeInput(utf8("a".repeat(11)), "big.txt", 10)).toThrow(/too large/);
    expect(decodeInput(utf8("a".repeat(10)), "ok.txt", 10)).toBe("a".repeat(10));
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61);
    expect(() => decodeInput(big, "huge.txt")).toThrow(/too large/);
  });
});

describe("decodeInput: encodings", () => {
  const sample = "Zürich — café “quoted” €5 Ελληνικά 日本語 🙂";

  it("strips a UTF-8 BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]);
    expect(decodeInput(bytes, "bom.txt")).toBe(sample);
  });

  it("decodes UTF-16LE and UTF-16BE with a BOM", () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(sample, "utf16le")]);
    const be = new Uint8Array([0xfe, 0xff, ...utf16be(sample)]);
    expect(decodeInput(le, "le.txt")).toBe(sample);
    expect(decodeInput(be, "be.txt")).toBe(sample);
  });

  it("recognises UTF-16LE without a BOM instead of calling it binary", () => {
    const text = "Plain headline\nA body line in UTF-16 without a byte order mark.";
    expect(decodeInput(new Uint8Array(Buffer.from(text, "utf16le")), "nobom.txt")).toBe(text);
  });

  it("decodes a Latin-1 file", () => {
    const text = "Café in São Paulo: «olé», señor Müller paid £5 ½ price.\nZweite Zeile: Grüße aus Köln.";
    expect(decodeInput(latin1(text), "latin1.txt")).toBe(text);
  });

  it("reads bytes 0x80-0x9F as windows-1252 punctuation", () => {
    const bytes = Uint8Array.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x85]);
    expect(decodeInput(bytes, "cp1252.txt")).toBe("“Hi” – €5…");
  });

  it("decodes a mixed-encoding file line by line", () => {
    const bytes = new Uint8Array(
      Buffer.concat([
        Buffer.from("UTF-8 line: Sánchez in Plaza de España — ‘quoted’\n", "utf8"),
        Buffer.from("Latin-1 line: Sánchez in Plaza de España\n", "latin1"),
        Buffer.from("UTF-8 again: Núñez Feijóo\n", "utf8"),
        Buffer.from([0x93, 0x63, 0x70, 0x31, 0x32, 0x35, 0x32, 0x94, 0x0a]),
      ]),
    );
    expect(decodeInput(bytes, "mixed.txt")).toBe(
      "UTF-8 line: Sánchez in Plaza de España — ‘quoted’\n" +
        "Latin-1 line: Sánchez in Plaza de España\n" +
        "UTF-8 again: Núñez Feijóo\n" +
        "“cp1252”\n",
    );
  });

  it("never produces U+FFFD for invalid UTF-8", () => {
    const bytes = Uint8Array.from([0x61, 0xc3, 0x28, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98, 0xed, 0xa0, 0x80]);
    expect(decodeInput(bytes, "broken.txt")).not.toContain("\uFFFD");
    expect(decodeUtf8WithFallback(Uint8Array.from([0xc3, 0x28]))).toBe("Ã(");
  });

  it("honours an XML declaration naming ISO-8859-1", () => {
    const bytes = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Côte d’Ivoire</title></rss>'.replace("’", "'"));
    expect(decodeInput(bytes, "feed.xml")).toContain("<title>Côte d'Ivoire</title>");
  });

  it("honours an HTML meta charset of windows-1252", () => {
    const bytes = new Uint8Array(
      Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>a '), Buffer.from([0x96, 0x20, 0xe9]), Buffer.from("</body></html>")]),
    );
    expect(decodeInput(bytes, "page.html")).toContain("a – é</body>");
  });

  it("honours other declared charsets TextDecoder knows", () => {
    const bytes = new Uint8Array(
      Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?><t>'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from("</t>")]),
    );
    expect(decodeInput(bytes, "ru.xml")).toBe('<?xml version="1.0" encoding="windows-1251"?><t>Привет</t>');
  });

  it("trusts valid multi-byte UTF-8 over a declaration that says Latin-1", () => {
    const bytes = utf8('<?xml version="1.0" encoding="iso-8859-1"?><t>São Paulo</t>');
    expect(decodeInput(bytes, "mislabelled.xml")).toContain("São Paulo");
  });
});

describe("decodeInput: properties", () => {
  // Control characters are removed on purpose, and a leading U+FEFF is a BOM.
  const textLike = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(s) && !s.startsWith("\uFEFF") && s.trim() !== "";

  it("returns any valid UTF-8 text unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 1 }).filter(textLike), (s) => {
        expect(decodeInput(utf8(s), "prop.txt")).toBe(s);
      }),
    );
  });

  it("returns Latin-1 text unchanged unless it spells a UTF-8 sequence", () => {
    const latinChar = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0xa0, max: 0xff }),
    ).map((c) => String.fromCharCode(c));
    // "Ã©" (C3 A9) is valid UTF-8 for "é": that ambiguity is inherent, so it is left out.
    // So are byte-order marks: a file opening with FE FF ("þÿ") or FF FE ("ÿþ") is UTF-16.
    const notUtf8Lookalike = (s: string) => !/[\u00c2-\u00f4][\u00a0-\u00bf]/.test(s) && !/^(\u00fe\u00ff|\u00ff\u00fe)/.test(s);
    fc.assert(
      fc.property(fc.string({ unit: latinChar, minLength: 1 }).filter((s) => textLike(s) && notUtf8Lookalike(s)), (s) => {
        expect(decodeInput(latin1(s), "prop.txt")).toBe(s);
      }),
    );
  });

  it("never throws on arbitrary bytes except with IngestInputError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const text = decodeInput(bytes, "fuzz.bin");
          expect(text).not.toMatch(/[\u0000-\u0008]/);
        } catch (err) {
          expect(err).toBeInstanceOf(IngestInputError);
        }
      }),
    );
  });
});
